// Asks the browser where the device is; rejects with the browser's reason when it cannot or may not say.
export function currentPosition() {
  return new Promise((resolve, reject) => {
    if (!navigator.geolocation) {
      reject(new Error("this browser has no geolocation"));
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (position) => resolve([position.coords.latitude, position.coords.longitude]),
      (error) => reject(new Error(error.message || "position unavailable")),
      { enableHighAccuracy: true, timeout: 10000, maximumAge: 30000 });
  });
}
