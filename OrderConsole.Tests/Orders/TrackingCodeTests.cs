using System.Buffers.Text;
using OrderConsole.Core.Orders;

namespace OrderConsole.Tests.Orders;

/// <summary>The 8-digit tracking ID, the 128-bit base64url tracking token, and the supplier's PREFIX-sequence.</summary>
public sealed class TrackingCodeTests
{
    private const int Draws = 10_000;

    [Fact]
    public void A_tracking_id_is_eight_digits()
    {
        for (var i = 0; i < Draws; i++)
        {
            var id = TrackingCodes.NewTrackingId();

            Assert.Equal(8, id.Length);
            Assert.True(id.All(char.IsAsciiDigit), $"{id} is not all digits");
            Assert.True(TrackingCodes.IsTrackingId(id));
        }
    }

    [Fact]
    public void Tracking_ids_are_spread_over_the_whole_range()
    {
        var ids = Enumerable.Range(0, Draws).Select(_ => TrackingCodes.NewTrackingId()).ToList();

        // Ten thousand draws from a hundred million codes: a handful of repeats is possible, not hundreds.
        Assert.True(ids.Distinct(StringComparer.Ordinal).Count() > Draws - 50);
        Assert.Contains(ids, id => id[0] == '0');
        Assert.Contains(ids, id => id[0] == '9');
    }

    [Fact]
    public void A_tracking_token_is_22_base64url_characters_carrying_128_bits()
    {
        for (var i = 0; i < Draws; i++)
        {
            var token = TrackingCodes.NewTrackingToken();

            Assert.Equal(22, token.Length);
            Assert.True(token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'), $"{token} is not base64url");
            Assert.Equal(16, Base64Url.DecodeFromChars(token).Length);
            Assert.True(TrackingCodes.IsTrackingToken(token));
        }
    }

    [Fact]
    public void Ten_thousand_tracking_tokens_are_all_different()
    {
        var tokens = new HashSet<string>(StringComparer.Ordinal);

        for (var i = 0; i < Draws; i++)
        {
            Assert.True(tokens.Add(TrackingCodes.NewTrackingToken()), "a tracking token repeated");
        }
    }

    [Theory]
    [InlineData("LUI", 1, "LUI-1")]
    [InlineData("NAP", 42, "NAP-42")]
    [InlineData("CRU2", 10000, "CRU2-10000")]
    public void A_supplier_tracking_id_is_the_prefix_and_the_sequence(string prefix, long sequence, string expected)
    {
        var id = TrackingCodes.SupplierTrackingId(prefix, sequence);

        Assert.Equal(expected, id);
        Assert.True(TrackingCodes.IsSupplierTrackingId(id));
    }

    [Theory]
    [InlineData("1234567")]
    [InlineData("123456789")]
    [InlineData("1234567a")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_but_eight_digits_is_not_a_tracking_id(string? value)
    {
        Assert.False(TrackingCodes.IsTrackingId(value));
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAA+/")]
    [InlineData("AAAAAAAAAAAAAAAAAAAA==")]
    public void Anything_but_22_base64url_characters_is_not_a_tracking_token(string value)
    {
        Assert.False(TrackingCodes.IsTrackingToken(value));
    }

    [Theory]
    [InlineData("LUI-0")]
    [InlineData("lui-1")]
    [InlineData("LUI1")]
    [InlineData("L-1")]
    [InlineData("LUI-01")]
    public void A_malformed_supplier_tracking_id_is_recognised_as_such(string value)
    {
        Assert.False(TrackingCodes.IsSupplierTrackingId(value));
    }
}
