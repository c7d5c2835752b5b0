import { sameLoopbackName } from "./config";

test("talks to a loopback platform under the name the page was opened with", () => {
  expect(sameLoopbackName("http://127.0.0.1:8000", "localhost")).toBe("http://localhost:8000");
  expect(sameLoopbackName("http://localhost:8090", "127.0.0.1")).toBe("http://127.0.0.1:8090");
  expect(sameLoopbackName("http://localhost:8000", "localhost")).toBe("http://localhost:8000");
});

test("leaves a platform elsewhere as configured", () => {
  expect(sameLoopbackName("https://api.shop.example", "localhost")).toBe("https://api.shop.example");
  expect(sameLoopbackName("http://127.0.0.1:8000", "shop.example")).toBe("http://127.0.0.1:8000");
});
