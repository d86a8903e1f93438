using OrderConsole.Core.Orders;
using SkiaSharp;

namespace OrderConsole.Core.Proof;

/// <summary>
/// Turns what a driver uploaded into images the console keeps: the kind is judged by the file's first bytes (never its
/// name or declared type), the image is decoded, turned upright, scaled down to a sane size and encoded anew, so no
/// metadata (camera, place, time) and nothing hidden in the original file survives. Anything else is refused in words.
/// </summary>
public static class ProofImages
{
    public const int MaxPhotoBytes = 5 * 1024 * 1024;
    public const int MaxSignatureBytes = 1024 * 1024;

    /// <summary>The longest side a kept photo has; a phone's 12-megapixel photo becomes a few hundred kilobytes.</summary>
    public const int MaxPhotoSide = 1600;
    public const int MaxSignatureSide = 1200;

    /// <summary>Refused before decoding: a small file can claim a huge canvas (a decompression bomb).</summary>
    private const long MaxPixels = 50_000_000;
    private const int PhotoQuality = 82;

    private static readonly SKSamplingOptions s_sampling = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    public const string NotAnImage = "That file is not a JPEG, PNG or WebP image; take a photo or choose one of those";
    public const string PhotoTooLarge = "The photo is larger than 5 MB; take it again at a lower resolution or choose a smaller file";

    public const string PhotoField = "photo";
    public const string SignatureField = "signature";

    /// <summary>A JPEG, PNG or WebP photo of at most 5 MB, re-encoded as a JPEG without metadata.</summary>
    public static byte[] Photo(ReadOnlySpan<byte> upload)
    {
        if (upload.Length > MaxPhotoBytes)
        {
            throw new OrderValidationException(PhotoField, PhotoTooLarge);
        }

        if (Sniff(upload) is null)
        {
            throw new OrderValidationException(PhotoField, NotAnImage);
        }

        using var bitmap = Decode(upload, MaxPhotoSide, PhotoField, "That photo could not be read; it may be damaged. Take it again or choose another");
        using var flattened = OnWhite(bitmap);
        return Encode(flattened, SKEncodedImageFormat.Jpeg, PhotoQuality);
    }

    /// <summary>A PNG signature drawn on the screen, of at most 1 MB and with something drawn on it, re-encoded as a PNG.</summary>
    public static byte[] Signature(ReadOnlySpan<byte> upload)
    {
        if (upload.Length > MaxSignatureBytes)
        {
            throw new OrderValidationException(SignatureField, "The signature is larger than 1 MB; clear it and sign again");
        }

        if (Sniff(upload) != ProofImageKind.Png)
        {
            throw new OrderValidationException(SignatureField, "The signature must be a PNG image drawn on the screen; clear it and sign again");
        }

        using var bitmap = Decode(upload, MaxSignatureSide, SignatureField, "The signature could not be read; clear it and sign again");
        if (IsBlank(bitmap))
        {
            throw new OrderValidationException(SignatureField, "The signature is empty; have the receiver sign in the box");
        }

        return Encode(bitmap, SKEncodedImageFormat.Png, 100);
    }

    /// <summary>The image kind the bytes start with, or null when they are none of JPEG, PNG and WebP.</summary>
    public static ProofImageKind? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes is [0xFF, 0xD8, 0xFF, ..])
        {
            return ProofImageKind.Jpeg;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return ProofImageKind.Png;
        }

        // RIFF, four bytes of length, WEBP.
        return bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8) ? ProofImageKind.WebP : null;
    }

    private static SKBitmap Decode(ReadOnlySpan<byte> upload, int maxSide, string field, string unreadable)
    {
        using var data = SKData.CreateCopy(upload);
        using var codec = SKCodec.Create(data) ?? throw new OrderValidationException(field, unreadable);
        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0 || (long)info.Width * info.Height > MaxPixels)
        {
            throw new OrderValidationException(field, "That image is too large to keep; choose one under 50 megapixels");
        }

        var decoded = SKBitmap.Decode(codec, info.WithColorType(SKColorType.Rgba8888).WithAlphaType(SKAlphaType.Premul))
            ?? throw new OrderValidationException(field, unreadable);
        using (decoded)
        {
            using var upright = Upright(decoded, codec.EncodedOrigin);
            return Scaled(upright, maxSide);
        }
    }

    /// <summary>A copy turned as the camera's orientation tag says, since the tag itself is not kept.</summary>
    private static SKBitmap Upright(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        var quarterTurns = origin switch
        {
            SKEncodedOrigin.RightTop => 1,
            SKEncodedOrigin.BottomRight => 2,
            SKEncodedOrigin.LeftBottom => 3,
            _ => 0,
        };
        var sideways = quarterTurns % 2 == 1;
        var turned = new SKBitmap(sideways ? bitmap.Height : bitmap.Width, sideways ? bitmap.Width : bitmap.Height, bitmap.ColorType, bitmap.AlphaType);
        using var canvas = new SKCanvas(turned);
        canvas.Translate(turned.Width / 2f, turned.Height / 2f);
        canvas.RotateDegrees(90 * quarterTurns);
        canvas.Translate(-bitmap.Width / 2f, -bitmap.Height / 2f);
        canvas.DrawBitmap(bitmap, 0, 0, s_sampling);
        return turned;
    }

    private static SKBitmap Scaled(SKBitmap bitmap, int maxSide)
    {
        var scale = Math.Min(1.0, (double)maxSide / Math.Max(bitmap.Width, bitmap.Height));
        var width = Math.Max(1, (int)Math.Round(bitmap.Width * scale));
        var height = Math.Max(1, (int)Math.Round(bitmap.Height * scale));
        return bitmap.Resize(new SKImageInfo(width, height, bitmap.ColorType, bitmap.AlphaType), s_sampling)
            ?? throw new InvalidOperationException("the image could not be scaled");
    }

    /// <summary>JPEG has no transparency: a transparent PNG or WebP photo is laid on white, not on black.</summary>
    private static SKBitmap OnWhite(SKBitmap bitmap)
    {
        var flat = new SKBitmap(bitmap.Width, bitmap.Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var canvas = new SKCanvas(flat);
        canvas.Clear(SKColors.White);
        canvas.DrawBitmap(bitmap, 0, 0, s_sampling);
        return flat;
    }

    private static bool IsBlank(SKBitmap bitmap)
    {
        var first = bitmap.GetPixel(0, 0);
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                if (bitmap.GetPixel(x, y) != first)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var encoded = image.Encode(format, quality) ?? throw new InvalidOperationException($"the image could not be encoded as {format}");
        return encoded.ToArray();
    }
}

/// <summary>The image kinds a proof photo may come as.</summary>
public enum ProofImageKind
{
    Jpeg,
    Png,
    WebP,
}
