using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OrderConsole.Core.Webhooks;

/// <summary>
/// The <c>OrderConsole-Signature</c> header: <c>t=&lt;unix seconds&gt;,v1=&lt;lowercase hex HMAC-SHA256 of "&lt;t&gt;.&lt;raw body&gt;"&gt;</c>
/// keyed with the subscription's secret; a receiver recomputes it and compares in constant time.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "OrderConsole-Signature";
    public const string EventIdHeader = "OrderConsole-Event-Id";

    public static string Sign(string secret, long unixSeconds, string body)
    {
        var t = unixSeconds.ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>True when <paramref name="header"/> is a signature of <paramref name="body"/> with <paramref name="secret"/>.</summary>
    public static bool Verify(string secret, string header, string body)
    {
        var parts = header.Split(',').Select(part => part.Split('=', 2)).Where(pair => pair.Length == 2).ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
        if (!parts.TryGetValue("t", out var t) || !parts.TryGetValue("v1", out var v1)
            || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, seconds, body).Split("v1=")[1]);
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(v1));
    }
}
