/**
 * The end-to-end kit: the platform under test, clients of its gateway with addresses of their own, accounts,
 * and tokens forged with the platform's real signing key.
 */
@NullMarked
package com.emporium.e2e;

import org.jspecify.annotations.NullMarked;
