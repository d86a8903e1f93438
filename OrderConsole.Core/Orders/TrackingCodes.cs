using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace OrderConsole.Core.Orders;

/// <summary>
/// The three codes that identify an order outside the console: the 8-digit tracking ID a customer reads
/// over the phone, the unguessable tracking token in the public link, and the supplier's own PREFIX-sequence.
/// </summary>
public static partial class TrackingCodes
{
    /// <summary>16 random bytes: 128 bits, 22 base64url characters.</summary>
    public const int TokenBytes = 16;

    public static string NewTrackingId() =>
        RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);

    public static string NewTrackingToken()
    {
        Span<byte> bytes = stackalloc byte[TokenBytes];
        RandomNumberGenerator.Fill(bytes);
        return Base64Url.EncodeToString(bytes);
    }

    public static string SupplierTrackingId(string prefix, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-{sequence}");

    public static bool IsTrackingId(string? value) => value is not null && TrackingIdPattern().IsMatch(value);

    public static bool IsTrackingToken(string? value) => value is not null && TrackingTokenPattern().IsMatch(value);

    public static bool IsSupplierTrackingId(string? value) => value is not null && SupplierTrackingIdPattern().IsMatch(value);

    public static bool IsSupplierPrefix(string? value) => value is not null && SupplierPrefixPattern().IsMatch(value);

    [GeneratedRegex("^[0-9]{8}$")]
    private static partial Regex TrackingIdPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{22}$")]
    private static partial Regex TrackingTokenPattern();

    [GeneratedRegex("^[A-Z][A-Z0-9]{1,9}-[1-9][0-9]*$")]
    private static partial Regex SupplierTrackingIdPattern();

    [GeneratedRegex("^[A-Z][A-Z0-9]{1,9}$")]
    private static partial Regex SupplierPrefixPattern();
}
