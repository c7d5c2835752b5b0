/** HTTP: {@code GET /v1/ledger}. */
@NullMarked
package com.emporium.sandbox.ledger.web;

import org.jspecify.annotations.NullMarked;
