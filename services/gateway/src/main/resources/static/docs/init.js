// Swagger UI over every document the gateway found in contracts/ (listed by /docs/contracts.json).
// A separate file rather than an inline script: the gateway's Content-Security-Policy allows scripts from
// its own origin only.
fetch('/docs/contracts.json')
  .then((response) => response.json())
  .then((contracts) => {
    window.ui = SwaggerUIBundle({
      urls: contracts.map((c) => ({ url: c.url, name: c.name })),
      dom_id: '#swagger-ui',
      deepLinking: true,
      presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
      layout: 'StandaloneLayout',
    });
  });
