/** HTTP: charges and refunds, for the merchant holding the secret key. */
@NullMarked
package com.emporium.sandbox.charge.web;

import org.jspecify.annotations.NullMarked;
