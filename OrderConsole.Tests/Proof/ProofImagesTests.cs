using OrderConsole.Core.Orders;
using OrderConsole.Core.Proof;
using SkiaSharp;

namespace OrderConsole.Tests.Proof;

/// <summary>What a delivery photo or signature must be to be kept, and what is left of it once it is.</summary>
public sealed class ProofImagesTests
{
    [Fact]
    public void A_text_file_is_refused_as_not_an_image()
    {
        var refused = Assert.Throws<OrderValidationException>(() => ProofImages.Photo("just some words, not a photo"u8));

        Assert.Equal("photo", refused.Field);
        Assert.StartsWith("That file is not a JPEG, PNG or WebP image", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gif_named_like_a_photo_is_refused_because_its_bytes_are_judged_not_its_name()
    {
        var refused = Assert.Throws<OrderValidationException>(() => ProofImages.Photo("GIF89a\x01\0\x01\0\0\0\0;"u8));

        Assert.Equal(ProofImages.NotAnImage, refused.Message);
    }

    [Fact]
    public void A_photo_larger_than_5_MB_is_refused()
    {
        var large = new byte[ProofImages.MaxPhotoBytes + 1];
        Jpeg.CopyTo(large, 0);

        var refused = Assert.Throws<OrderValidationException>(() => ProofImages.Photo(large));

        Assert.Equal("photo", refused.Field);
        Assert.StartsWith("The photo is larger than 5 MB", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_starts_like_a_jpeg_but_is_not_one_is_refused_in_words()
    {
        byte[] broken = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "not really a jpeg at all"u8.ToArray()];

        var refused = Assert.Throws<OrderValidationException>(() => ProofImages.Photo(broken));

        Assert.Equal("photo", refused.Field);
        Assert.Contains("could not be read", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Jpeg)]
    [InlineData(SKEncodedImageFormat.Png)]
    [InlineData(SKEncodedImageFormat.Webp)]
    public void A_jpeg_png_or_webp_photo_is_kept_as_a_jpeg_of_the_same_size(SKEncodedImageFormat format)
    {
        var kept = ProofImages.Photo(TestImages.Photo(format, 64, 48));

        Assert.Equal(SKEncodedImageFormat.Jpeg, TestImages.FormatOf(kept));
        Assert.Equal((64, 48), (TestImages.InfoOf(kept).Width, TestImages.InfoOf(kept).Height));
    }

    [Fact]
    public void The_photos_metadata_is_gone_after_re_encoding()
    {
        var upload = TestImages.JpegWithExif();
        Assert.True(TestImages.Contains(upload, TestImages.SecretInMetadata));

        var kept = ProofImages.Photo(upload);

        Assert.False(TestImages.Contains(kept, TestImages.SecretInMetadata));
        Assert.False(TestImages.Contains(kept, "Exif"));
    }

    [Fact]
    public void A_large_photo_is_scaled_down_to_1600_pixels_on_its_longest_side()
    {
        var kept = ProofImages.Photo(TestImages.Photo(SKEncodedImageFormat.Jpeg, 3200, 1200));

        Assert.Equal((1600, 600), (TestImages.InfoOf(kept).Width, TestImages.InfoOf(kept).Height));
    }

    [Fact]
    public void A_drawn_signature_is_kept_as_a_png()
    {
        var kept = ProofImages.Signature(TestImages.Signature());

        Assert.Equal(SKEncodedImageFormat.Png, TestImages.FormatOf(kept));
    }

    [Fact]
    public void An_empty_signature_is_refused()
    {
        var refused = Assert.Throws<OrderValidationException>(() => ProofImages.Signature(TestImages.Signature(blank: true)));

        Assert.Equal("signature", refused.Field);
        Assert.StartsWith("The signature is empty", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_signature_that_is_not_a_png_is_refused()
    {
        var refused = Assert.Throws<OrderValidationException>(() => ProofImages.Signature(Jpeg));

        Assert.Equal("signature", refused.Field);
    }

    private static byte[] Jpeg { get; } = TestImages.Jpeg();
}
