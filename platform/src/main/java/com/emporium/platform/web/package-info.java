/** HTTP concerns shared by every service: problem+json errors and request body limits. */
@NullMarked
package com.emporium.platform.web;

import org.jspecify.annotations.NullMarked;
