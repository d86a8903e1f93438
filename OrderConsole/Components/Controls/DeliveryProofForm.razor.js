// A signature box: pointer events (finger, pen or mouse) draw black strokes on a canvas, exported as a PNG.
// The canvas is sized to its box on the screen at the device's pixel ratio, so strokes stay sharp.

export function attach(canvas) {
  const context = canvas.getContext('2d');
  const ratio = window.devicePixelRatio || 1;
  const box = canvas.getBoundingClientRect();
  canvas.width = Math.max(1, Math.round(box.width * ratio));
  canvas.height = Math.max(1, Math.round(box.height * ratio));
  context.scale(ratio, ratio);
  context.lineWidth = 2.5;
  context.lineCap = 'round';
  context.lineJoin = 'round';
  context.strokeStyle = '#000';

  let last = null;
  const at = event => {
    const rect = canvas.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };
  canvas.addEventListener('pointerdown', event => {
    event.preventDefault();
    canvas.setPointerCapture(event.pointerId);
    last = at(event);
  });
  canvas.addEventListener('pointermove', event => {
    if (!last) {
      return;
    }
    const next = at(event);
    context.beginPath();
    context.moveTo(last.x, last.y);
    context.lineTo(next.x, next.y);
    context.stroke();
    last = next;
    canvas.dataset.signed = 'true';
  });
  const stop = () => { last = null; };
  canvas.addEventListener('pointerup', stop);
  canvas.addEventListener('pointercancel', stop);
}

export function clear(canvas) {
  canvas.getContext('2d').clearRect(0, 0, canvas.width, canvas.height);
  delete canvas.dataset.signed;
}

export function isSigned(canvas) {
  return canvas.dataset.signed === 'true';
}

// The PNG's bytes, handed to .NET as a stream.
export async function signaturePng(canvas) {
  const blob = await new Promise(resolve => canvas.toBlob(resolve, 'image/png'));
  return new Uint8Array(await blob.arrayBuffer());
}
