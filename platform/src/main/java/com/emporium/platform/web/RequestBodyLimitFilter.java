package com.emporium.platform.web;

import com.emporium.platform.problem.ProblemTypes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the configured size with 413 before anything reads them: at once when the
 * {@code Content-Length} says so, or as soon as a body without one grows past the limit. A form body Tomcat
 * parses itself never passes through here; {@code server.tomcat.max-http-form-post-size} holds it to the same
 * limit, and {@link PlatformExceptionHandler} answers Tomcat's refusal with the same 413.
 */
final class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final ProblemWriter problems;

    RequestBodyLimitFilter(long limit, ProblemWriter problems) {
        this.limit = limit;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            problems.write(response, tooLarge(limit));
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    static ProblemDetail tooLarge(long limit) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than the limit of " + limit + " bytes.");
        problem.setType(ProblemTypes.PAYLOAD_TOO_LARGE);
        problem.setTitle("Content Too Large");
        return problem;
    }

    /**
     * Counts what is read through {@link #getInputStream()} and {@link #getReader()} alike. The reader is made
     * here over the counted stream, since the container's own reader would read past the count; as the servlet
     * specification asks, a request gives one of the two, never both.
     */
    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private @Nullable ServletInputStream stream;
        private @Nullable BufferedReader reader;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (reader != null) {
                throw new IllegalStateException("getReader() has already been called for this request");
            }
            return limitedStream();
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                if (stream != null) {
                    throw new IllegalStateException("getInputStream() has already been called for this request");
                }
                reader = new BufferedReader(new InputStreamReader(limitedStream(), charset()));
            }
            return reader;
        }

        private ServletInputStream limitedStream() throws IOException {
            if (stream == null) {
                stream = new LimitedInputStream(super.getInputStream(), limit);
            }
            return stream;
        }

        /** The request's encoding, or ISO-8859-1 when it names none, as the servlet specification has it. */
        private Charset charset() throws UnsupportedEncodingException {
            String name = getCharacterEncoding();
            if (name == null) {
                return StandardCharsets.ISO_8859_1;
            }
            try {
                return Charset.forName(name);
            } catch (IllegalArgumentException ex) {
                throw new UnsupportedEncodingException(name);
            }
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long limit;
        private long count;

        LimitedInputStream(ServletInputStream delegate, long limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws PayloadTooLarge {
            count += n;
            if (count > limit) {
                throw new PayloadTooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
