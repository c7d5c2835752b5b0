package com.emporium.test.contract;

import java.util.Comparator;

/**
 * A response a contract documents for one operation.
 *
 * @param method the operation's method, upper case
 * @param path the operation's path template as the contract writes it, e.g. {@code /api/users/admin/users/{id}}
 * @param status the documented status key: a code such as {@code 404} or a range such as {@code 4XX}
 */
public record DocumentedResponse(String method, String path, String status) implements Comparable<DocumentedResponse> {

    private static final Comparator<DocumentedResponse> ORDER = Comparator.comparing(DocumentedResponse::path)
            .thenComparing(DocumentedResponse::method)
            .thenComparing(DocumentedResponse::status);

    @Override
    public int compareTo(DocumentedResponse other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return method + " " + path + " " + status;
    }
}
