import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { loadConfig } from "./config";
import { createServices } from "./services";
import "./styles.css";

void loadConfig().then((config) => {
  createRoot(document.getElementById("root")!).render(
    <StrictMode>
      <App services={createServices(config)} />
    </StrictMode>,
  );
});
