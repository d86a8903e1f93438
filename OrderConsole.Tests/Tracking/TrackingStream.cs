using System.Text;
using System.Text.Json;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Tracking;

/// <summary>An open <c>/track/{token}/events</c> stream, read one Server-Sent Event at a time.</summary>
public sealed class TrackingStream : IDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private TrackingStream(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _reader = new StreamReader(body, Encoding.UTF8);
    }

    /// <summary>Everything the stream carried so far, as sent.</summary>
    public StringBuilder Received { get; } = new();

    public static async Task<TrackingStream> OpenAsync(HttpClient client, string token)
    {
        var response = await client.GetAsync(new Uri($"/track/{token}/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new TrackingStream(response, await response.Content.ReadAsStreamAsync());
    }

    /// <summary>The next event's order view, or null once the server has ended the stream.</summary>
    public async Task<JsonElement?> NextAsync()
    {
        // The bound only keeps a broken test from hanging.
        using var patience = new CancellationTokenSource(Eventually.Patience);
        var data = new StringBuilder();
        while (await _reader.ReadLineAsync(patience.Token) is { } line)
        {
            Received.AppendLine(line);
            if (line.Length == 0 && data.Length > 0)
            {
                return JsonDocument.Parse(data.ToString()).RootElement.Clone();
            }

            if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Append(line.AsSpan(5).TrimStart(' '));
            }
        }

        return data.Length > 0 ? JsonDocument.Parse(data.ToString()).RootElement.Clone() : null;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _response.Dispose();
    }
}
