/** The platform when a part of it fails: a service killed, the broker cut. Stock stays right to the unit. */
@NullMarked
package com.emporium.e2e.faults;

import org.jspecify.annotations.NullMarked;
