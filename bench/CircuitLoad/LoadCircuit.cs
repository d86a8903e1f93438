using System.Buffers.Binary;
using System.Text;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CircuitLoad;

/// <summary>
/// One Blazor Server circuit opened without a browser, as blazor.web.js opens it: the prerendered page's markers
/// go to <c>StartCircuit</c> and <c>UpdateRootComponents</c>; every <c>JS.RenderBatch</c> is acknowledged with
/// <c>OnRenderCompleted</c> and every <c>JS.BeginInvokeJS</c> answered with <c>EndInvokeJSFromDotNet</c>.
/// Each batch is searched for order codes; the first batch that carries a code is when this circuit showed it.
/// </summary>
internal sealed class LoadCircuit : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly byte[] _codePrefix;
    private readonly Dictionary<int, long> _firstSeen = [];
    private readonly TaskCompletionSource _firstBatch = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _nextObjectId;
    private long _batches;
    private long _batchBytes;
    private volatile bool _closing;

    private LoadCircuit(HubConnection connection, string codePrefix)
    {
        _connection = connection;
        _codePrefix = Encoding.UTF8.GetBytes(codePrefix + "-");
        connection.On<long, byte[]>("JS.RenderBatch", OnRenderBatchAsync);
        connection.On<long, string, string, int, long>("JS.BeginInvokeJS", OnBeginInvokeJSAsync);
        connection.On<string>("JS.Error", error => Fail($"the circuit reported an error: {error}"));
        connection.Closed += error =>
        {
            if (!_closing)
            {
                Fail($"the connection closed{(error is null ? string.Empty : $": {error.Message}")}");
            }

            return Task.CompletedTask;
        };
    }

    /// <summary>Why the circuit ended before the run did; null while it is alive.</summary>
    public string? Dropped { get; private set; }

    public long Batches => Interlocked.Read(ref _batches);

    public long BatchBytes => Interlocked.Read(ref _batchBytes);

    /// <summary>Opens a circuit on <paramref name="page"/> and waits for its first render batch.</summary>
    public static async Task<LoadCircuit> OpenAsync(CookieSession session, string page, string codePrefix, CancellationToken cancellationToken)
    {
        using var http = session.Client();
        var html = await http.GetStringAsync(page, cancellationToken);
        var prerendered = PrerenderedPage.Parse(html);

        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(session.Address, "/_blazor"), options =>
            {
                options.Cookies = session.Cookies;
                options.Headers["Origin"] = session.Address.GetLeftPart(UriPartial.Authority);
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            });
        builder.Services.RemoveAll<IHubProtocol>();
        builder.Services.AddSingleton<IHubProtocol, BlazorPack>();
        var connection = builder.Build();
        connection.HandshakeTimeout = TimeSpan.FromMinutes(1);
        connection.ServerTimeout = TimeSpan.FromMinutes(1);

        var circuit = new LoadCircuit(connection, codePrefix);
        await connection.StartAsync(cancellationToken);
        var baseUri = new Uri(session.Address, "/").ToString();
        var secret = await connection.InvokeAsync<string?>("StartCircuit", baseUri, new Uri(session.Address, page).ToString(), "[]", prerendered.ApplicationState, cancellationToken);
        if (string.IsNullOrEmpty(secret))
        {
            await circuit.DisposeAsync();
            throw new InvalidOperationException("the hub refused to start the circuit");
        }

        await connection.SendAsync("UpdateRootComponents", prerendered.AddOperations(), prerendered.ApplicationState, cancellationToken);
        await circuit._firstBatch.Task.WaitAsync(TimeSpan.FromMinutes(1), cancellationToken);
        return circuit;
    }

    /// <summary>When this circuit first received a batch carrying the order with code number <paramref name="sequence"/> (UTC ticks).</summary>
    public long? FirstSeen(int sequence)
    {
        lock (_firstSeen)
        {
            return _firstSeen.TryGetValue(sequence, out var ticks) ? ticks : null;
        }
    }

    /// <summary>Forgets the batch counters, so a measured window counts only its own batches.</summary>
    public void ResetCounters()
    {
        Interlocked.Exchange(ref _batches, 0);
        Interlocked.Exchange(ref _batchBytes, 0);
    }

    public async ValueTask DisposeAsync()
    {
        _closing = true;
        await _connection.DisposeAsync();
    }

    private Task OnRenderBatchAsync(long batchId, byte[] batch)
    {
        var received = DateTime.UtcNow.Ticks;
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _batchBytes, batch.Length);
        RecordCodes(batch, received);
        _firstBatch.TrySetResult();
        return _connection.SendAsync("OnRenderCompleted", batchId, (string?)null);
    }

    /// <summary>
    /// Finds every "PREFIX-123" in the batch's strings. A render batch ends with the start of each of its five sections
    /// (the last is the string table's index: one offset per string, each string a 7-bit length then UTF-8), and a code
    /// is looked for inside one string at a time: read across the table, a code's digits would run on into the next
    /// string's length byte ("LUI-5" before a string of 48 bytes reads as "LUI-50").
    /// </summary>
    private void RecordCodes(ReadOnlySpan<byte> batch, long received)
    {
        var tableIndex = BinaryPrimitives.ReadInt32LittleEndian(batch[^4..]);
        for (var entry = tableIndex; entry + 4 <= batch.Length - 20; entry += 4)
        {
            var at = BinaryPrimitives.ReadInt32LittleEndian(batch[entry..]);
            var (length, start) = (0, at);
            for (var shift = 0; ; shift += 7)
            {
                var part = batch[start++];
                length |= (part & 0x7F) << shift;
                if (part < 0x80)
                {
                    break;
                }
            }

            RecordCodesIn(batch.Slice(start, length), received);
        }
    }

    private void RecordCodesIn(ReadOnlySpan<byte> text, long received)
    {
        var at = 0;
        while (true)
        {
            var found = text[at..].IndexOf(_codePrefix);
            if (found < 0)
            {
                return;
            }

            var digits = at + found + _codePrefix.Length;
            var sequence = 0;
            var end = digits;
            while (end < text.Length && text[end] is >= (byte)'0' and <= (byte)'9' && end - digits < 9)
            {
                sequence = (sequence * 10) + (text[end] - '0');
                end++;
            }

            if (end > digits)
            {
                lock (_firstSeen)
                {
                    _firstSeen.TryAdd(sequence, received);
                }
            }

            at = end;
        }
    }

    /// <summary>
    /// Answers the page's JS interop as a browser that has nothing to say: a module import gets an object reference,
    /// every other call succeeds with no value (the console's pages treat a missing answer as "not known").
    /// </summary>
    private Task OnBeginInvokeJSAsync(long asyncHandle, string identifier, string argsJson, int resultType, long targetInstanceId)
    {
        if (asyncHandle == 0)
        {
            return Task.CompletedTask;
        }

        var result = resultType == 1 ? $"{{\"__jsObjectId\":{Interlocked.Increment(ref _nextObjectId)}}}" : "null";
        return _connection.SendAsync("EndInvokeJSFromDotNet", asyncHandle, true, $"[{asyncHandle},true,{result}]");
    }

    private void Fail(string why)
    {
        Dropped ??= why;
        _firstBatch.TrySetException(new InvalidOperationException(why));
    }
}
