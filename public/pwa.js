// Registers the service worker that makes Mewayz installable and gives it an offline page.
if ("serviceWorker" in navigator) {
  window.addEventListener("load", () => {
    navigator.serviceWorker.register("/sw.js").catch((err) => console.warn("service worker not registered:", err));
  });
}
