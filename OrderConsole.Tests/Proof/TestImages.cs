using System.Text;
using SkiaSharp;

namespace OrderConsole.Tests.Proof;

/// <summary>Small real images made on the spot: photos in each accepted format, a JPEG carrying EXIF metadata, a drawn signature.</summary>
public static class TestImages
{
    /// <summary>The text hidden in <see cref="JpegWithExif"/>'s metadata, to look for after re-encoding.</summary>
    public const string SecretInMetadata = "GPS 40.7128N 74.0060W by Secret Camera";

    public static byte[] Photo(SKEncodedImageFormat format, int width = 64, int height = 48)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SkyBlue);
            using var paint = new SKPaint { Color = SKColors.DarkOrange };
            canvas.DrawRect(width / 4f, height / 4f, width / 2f, height / 2f, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    public static byte[] Jpeg(int width = 64, int height = 48) => Photo(SKEncodedImageFormat.Jpeg, width, height);

    /// <summary>A JPEG with an EXIF (APP1) segment right after its start marker, as a phone camera writes one.</summary>
    public static byte[] JpegWithExif()
    {
        var jpeg = Jpeg();

        // "Exif\0\0", a big-endian TIFF header pointing at an empty first directory, then the text.
        var payload = new List<byte>();
        payload.AddRange("Exif\0\0"u8.ToArray());
        payload.AddRange([(byte)'M', (byte)'M', 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]);
        payload.AddRange(Encoding.ASCII.GetBytes(SecretInMetadata));
        var length = payload.Count + 2;
        byte[] segment = [0xFF, 0xE1, (byte)(length >> 8), (byte)(length & 0xFF), .. payload];
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    /// <summary>A signature as the phone's pad exports it: a black stroke on a transparent PNG.</summary>
    public static byte[] Signature(bool blank = false)
    {
        using var bitmap = new SKBitmap(300, 100, SKColorType.Rgba8888, SKAlphaType.Premul);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Transparent);
            if (!blank)
            {
                using var ink = new SKPaint { Color = SKColors.Black, StrokeWidth = 3, IsStroke = true, IsAntialias = true };
                canvas.DrawLine(20, 70, 120, 30, ink);
                canvas.DrawLine(120, 30, 260, 75, ink);
            }
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    public static SKImageInfo InfoOf(byte[] bytes)
    {
        using var codec = SKCodec.Create(SKData.CreateCopy(bytes));
        return codec.Info;
    }

    public static SKEncodedImageFormat FormatOf(byte[] bytes)
    {
        using var codec = SKCodec.Create(SKData.CreateCopy(bytes));
        return codec.EncodedFormat;
    }

    public static bool Contains(byte[] haystack, string text) => haystack.AsSpan().IndexOf(Encoding.ASCII.GetBytes(text)) >= 0;
}
