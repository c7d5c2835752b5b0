package com.emporium.test.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SetCookieTest {

    @Test
    void readsTheNameValueAndAttributesInAnyCase() {
        SetCookie cookie = SetCookie.parse(
                "emporium_refresh=r1.x-y; path=/api/auth; Max-Age=604800; Expires=Tue, 01 Dec 2026 10:00:00 GMT; secure; HTTPONLY; SameSite=Strict");

        assertThat(cookie.name()).isEqualTo("emporium_refresh");
        assertThat(cookie.value()).isEqualTo("r1.x-y");
        assertThat(cookie.path()).hasValue("/api/auth");
        assertThat(cookie.maxAge()).hasValue(Duration.ofDays(7));
        assertThat(cookie.expires()).hasValue("Tue, 01 Dec 2026 10:00:00 GMT");
        assertThat(cookie.secure()).isTrue();
        assertThat(cookie.httpOnly()).isTrue();
        assertThat(cookie.sameSite()).hasValue("Strict");
        assertThat(cookie.attribute("SAMESITE")).hasValue("Strict");
        assertThat(cookie.domain()).isEmpty();
        assertThat(cookie.clears()).isFalse();
    }

    @Test
    void recognisesACookieThatIsCleared() {
        SetCookie cookie = SetCookie.parse("emporium_refresh=; Path=/api/auth; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT");

        assertThat(cookie.value()).isEmpty();
        assertThat(cookie.clears()).isTrue();
    }

    @Test
    void keepsTheValueAfterTheFirstEqualsSign() {
        assertThat(SetCookie.parse("token=a=b==; HttpOnly").value()).isEqualTo("a=b==");
    }

    @Test
    void leavesAMaxAgeThatIsNotANumberEmpty() {
        assertThat(SetCookie.parse("a=1; Max-Age=soon").maxAge()).isEmpty();
    }

    @Test
    void refusesAHeaderWithoutANameValuePair() {
        assertThatIllegalArgumentException().isThrownBy(() -> SetCookie.parse("HttpOnly; Secure"));
    }
}
