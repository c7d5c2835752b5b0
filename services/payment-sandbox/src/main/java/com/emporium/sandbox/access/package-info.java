/** Who may call the sandbox: the merchant's secret key on {@code /v1/**}, and CORS for tokenization alone. */
@NullMarked
package com.emporium.sandbox.access;

import org.jspecify.annotations.NullMarked;
