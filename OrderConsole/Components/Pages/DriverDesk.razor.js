// Asks the browser where the device is. Always answers (never throws), so the page can explain a refusal in words:
// { latitude, longitude } or { problem: "denied" | "unavailable" | "timeout" | "unsupported" }.
export function currentPosition() {
  return new Promise((resolve) => {
    if (!navigator.geolocation) {
      resolve({ problem: "unsupported" });
      return;
    }
    const problems = { 1: "denied", 2: "unavailable", 3: "timeout" };
    navigator.geolocation.getCurrentPosition(
      (position) => resolve({ latitude: position.coords.latitude, longitude: position.coords.longitude }),
      (error) => resolve({ problem: problems[error.code] ?? "unavailable" }),
      { enableHighAccuracy: true, timeout: 10000, maximumAge: 30000 });
  });
}
