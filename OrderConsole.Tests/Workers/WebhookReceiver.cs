using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OrderConsole.Tests.Workers;

/// <summary>
/// A real HTTP receiver on a free loopback port (HttpListener): it refuses the first <see cref="FailFirst"/> requests
/// with 500, then accepts; it keeps every accepted request, and de-duplicates by the event id header as a receiver should.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;
    private int _requests;
    private int _arrived;

    public WebhookReceiver(int failFirst = 0)
    {
        FailFirst = failFirst;
        var port = FreePort();
        Url = $"http://127.0.0.1:{port}/hooks/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public int FailFirst { get; }

    /// <summary>While set, a request waits for it, then is refused (503) and not counted: as a receiver that hung.</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>Requests that reached the receiver, answered or not.</summary>
    public int Arrived => Volatile.Read(ref _arrived);

    public int Requests => Volatile.Read(ref _requests);

    public ConcurrentQueue<Received> Accepted { get; } = new();

    /// <summary>Accepted requests counted once per event id.</summary>
    public ConcurrentDictionary<string, int> AcceptedByEventId { get; } = new(StringComparer.Ordinal);

    public async ValueTask DisposeAsync()
    {
        Gate?.TrySetResult();
        _listener.Stop();
        _listener.Close();
        try
        {
            await _serving;
        }
        catch (HttpListenerException)
        {
            // Stopped.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception stopped) when (stopped is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        Interlocked.Increment(ref _arrived);
        if (Gate is { } gate)
        {
            await gate.Task;
            context.Response.StatusCode = 503;
            context.Response.Close();
            return;
        }

        var number = Interlocked.Increment(ref _requests);
        if (number <= FailFirst)
        {
            context.Response.StatusCode = 500;
        }
        else
        {
            var eventId = context.Request.Headers["OrderConsole-Event-Id"] ?? string.Empty;
            Accepted.Enqueue(new Received(body, context.Request.Headers["OrderConsole-Signature"] ?? string.Empty, eventId));
            AcceptedByEventId.AddOrUpdate(eventId, 1, (_, count) => count + 1);
            context.Response.StatusCode = 204;
        }

        context.Response.Close();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public sealed record Received(string Body, string Signature, string EventId);
}
