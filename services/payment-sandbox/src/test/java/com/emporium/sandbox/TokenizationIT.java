package com.emporium.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.test.http.ApiResponse;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TokenizationIT extends PaymentSandboxIT {

    @Test
    void tokenizesACardKeepingOnlyItsBrandLastFourAndExpiry() {
        ApiResponse created = api.post("/v1/tokens").json(Charges.card("4242 4242-4242 4242")).send();

        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(body.get("token").asString()).matches("tok_[A-Za-z0-9]{24}");
        assertThat(body.get("card").get("brand").asString()).isEqualTo("visa");
        assertThat(body.get("card").get("last4").asString()).isEqualTo("4242");
        assertThat(body.get("card").get("expMonth").asInt()).isEqualTo(12);
        assertThat(body.get("card").get("expYear").asInt()).isEqualTo(2030);
        assertThat(created.body()).doesNotContain("4242424242424242").doesNotContain("123\"");
    }

    @Test
    void namesTheBrandOfEachNetwork() {
        assertThat(brandOf("5555555555554444")).isEqualTo("mastercard");
        assertThat(brandOf("2223003122003222")).isEqualTo("mastercard");
        assertThat(brandOf("378282246310005")).isEqualTo("amex");
        assertThat(brandOf("6011111111111117")).isEqualTo("unknown");
    }

    @Test
    void tokensAreReusable() {
        String token = api.post("/v1/tokens").json(Charges.card("4242424242424242")).send().json().get("token")
                .asString();

        assertThat(chargeOf(token, "1.00").status()).isEqualTo(201);
        assertThat(chargeOf(token, "2.00").status()).isEqualTo(201);
    }

    @Test
    void refusesAnInvalidNumberWithoutEverRepeatingIt() {
        String luhnFails = "4242424242424241";

        ApiResponse refused = api.post("/v1/tokens").json(Charges.card(luhnFails)).send();

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:problem:sandbox:validation");
        assertThat(fields(refused)).containsExactly("number");
        assertThat(refused.body()).doesNotContain(luhnFails).doesNotContain("424242");
        assertThat(fields(api.post("/v1/tokens").json(Charges.card("42424242424")).send())).containsExactly("number");
        assertThat(fields(api.post("/v1/tokens").json(Charges.card("4242x24242424242")).send()))
                .containsExactly("number");
        assertThat(fields(api.post("/v1/tokens").json(Charges.card("42424242424242424242")).send()))
                .containsExactly("number");
    }

    @Test
    void refusesExpiredOrImpossibleDatesAndBadCvcsNamingEachField() {
        YearMonth now = YearMonth.now();
        YearMonth lastMonth = now.minusMonths(1);

        assertThat(fields(token(13, 2030, "123"))).containsExactly("expMonth");
        assertThat(fields(token(0, 2030, "123"))).containsExactly("expMonth");
        assertThat(fields(token(12, now.getYear() - 1, "123"))).containsExactly("expYear");
        assertThat(fields(token(12, now.getYear() + 50, "123"))).containsExactly("expYear");
        if (lastMonth.getYear() == now.getYear()) {
            assertThat(fields(token(lastMonth.getMonthValue(), lastMonth.getYear(), "123")))
                    .containsExactly("expMonth");
        }
        assertThat(token(now.getMonthValue(), now.getYear(), "1234").status()).as("this month still counts")
                .isEqualTo(201);
        assertThat(fields(token(12, 2030, "12"))).containsExactly("cvc");
        assertThat(fields(token(12, 2030, "12a"))).containsExactly("cvc");
    }

    @Test
    void refusesUnknownMissingAndMistypedFieldsAndBodiesThatAreNotJson() {
        ApiResponse unknown = api.post("/v1/tokens").json("""
                {"number": "4242424242424242", "expMonth": 12, "expYear": 2030, "cvc": "123", "pin": "0000"}
                """).send();
        ApiResponse missing = api.post("/v1/tokens").json("{\"number\": \"4242424242424242\"}").send();
        ApiResponse mistyped = api.post("/v1/tokens").json("""
                {"number": 4242424242424242, "expMonth": "12", "expYear": 2030.5, "cvc": 123}
                """).send();
        ApiResponse notJson = api.post("/v1/tokens").json("{\"number\": \"4242424242424242\",").send();

        assertThat(fields(unknown)).containsExactly("pin");
        assertThat(fields(missing)).containsExactlyInAnyOrder("expMonth", "expYear", "cvc");
        assertThat(fields(mistyped)).containsExactlyInAnyOrder("number", "expMonth", "expYear", "cvc");
        assertThat(mistyped.body()).doesNotContain("4242424242424242");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().get("type").asString()).isEqualTo("urn:problem:sandbox:malformed-body");
        assertThat(notJson.body()).doesNotContain("4242424242424242");
    }

    @Test
    void neverStoresTheCardNumberOrTheCvcAnywhere() {
        String number = "4000056655665556";
        String cvc = "9183";
        String body = """
                {"number": "%s", "expMonth": 11, "expYear": 2031, "cvc": "%s"}
                """.formatted(number, cvc);
        String token = api.post("/v1/tokens").json(body).send().json().get("token").asString();
        chargeOf(token, "3.00");

        List<String> found = new ArrayList<>();
        List<String[]> columns = jdbc.query("""
                SELECT table_name, column_name FROM information_schema.columns
                 WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'character', 'bytea')
                """, (row, n) -> new String[] {row.getString(1), row.getString(2)});
        assertThat(columns).isNotEmpty();
        for (String[] column : columns) {
            // a hex digest (request_hash) holds any four digits now and then: the cvc is looked for elsewhere
            String cvcPattern = column[1].endsWith("_hash") ? "%" + number + "%" : "%" + cvc + "%";
            Long hits = jdbc.queryForObject("SELECT count(*) FROM \"%s\" WHERE CAST(\"%s\" AS text) LIKE ? OR CAST(\"%s\" AS text) LIKE ?"
                    .formatted(column[0], column[1], column[1]), Long.class, "%" + number + "%", cvcPattern);
            if (hits != null && hits > 0) {
                found.add(column[0] + "." + column[1]);
            }
        }
        assertThat(found).as("columns holding the number or the cvc").isEmpty();
    }

    private String brandOf(String number) {
        return api.post("/v1/tokens").json(Charges.card(number)).send().json().get("card").get("brand").asString();
    }

    private ApiResponse token(int month, int year, String cvc) {
        return api.post("/v1/tokens").json("""
                {"number": "4242424242424242", "expMonth": %d, "expYear": %d, "cvc": "%s"}
                """.formatted(month, year, cvc)).send();
    }

    static List<String> fields(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }
}
