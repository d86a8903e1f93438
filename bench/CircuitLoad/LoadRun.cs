using System.Diagnostics;

namespace CircuitLoad;

/// <summary>What one run opens and how hard it pushes.</summary>
internal sealed record RunOptions(int Circuits, TimeSpan Duration, string Page, double Rate, int Browsers, Uri? Url, string Password);

/// <summary>
/// What one run measured. Latencies are commit → the first render batch drawn after the event, per circuit and event, in ms;
/// <c>Folded</c> counts events a circuit showed only through a later event's batch, <c>Missed</c> those it never drew past.
/// </summary>
internal sealed record RunFigures(
    int Circuits, int Events, double P50, double P99, double Max, double? MemoryPerCircuitKb, int Dropped, long Missed, long Folded,
    double BatchesPerEvent, double BytesPerBatch, double? ServerCpuCores, double OpenSeconds, BrowserFigures? Browsers)
{
    public string Line() =>
        $"circuits={Circuits} events={Events} p50_ms={P50:0.0} p99_ms={P99:0.0} max_ms={Max:0.0} " +
        $"mem_per_circuit_kb={(MemoryPerCircuitKb is { } kb ? kb.ToString("0") : "n/a")} dropped={Dropped} missed={Missed} folded={Folded}";
}

/// <summary>Commit → DOM in the real browser pages.</summary>
internal sealed record BrowserFigures(int Pages, double P50, double P99, double Max, long Missed);

/// <summary>One measured run: a console (its own unless given one), N load circuits, a few browser pages, orders changing at a rate.</summary>
internal static class LoadRun
{
    private static readonly TimeSpan s_grace = TimeSpan.FromSeconds(5);

    public static async Task<RunFigures> RunAsync(RunOptions options, TextWriter log)
    {
        await using var console = options.Url is null ? await ApiBench.ConsoleUnderTest.StartAsync(null, "Development") : null;
        var address = options.Url ?? console!.Address;
        var password = options.Url is null ? ApiBench.ConsoleUnderTest.DemoPassword : options.Password;
        var gauge = new ServerGauge(console?.ProcessId);

        // Admins see every desk; a supplier's page shows one supplier's orders, so that one is seen as its supplier.
        var user = options.Page.StartsWith("/supplier", StringComparison.Ordinal) ? "supplier1" : "admin";
        var session = await CookieSession.SignInAsync(address, user, password);
        var traffic = await OrderTraffic.SignInAsync(address, password, toReady: options.Page.StartsWith("/dispatch", StringComparison.Ordinal));
        var warmUp = await traffic.ChangeOneAsync(-1, CancellationToken.None);
        var prefix = warmUp.Code[..warmUp.Code.LastIndexOf('-')];

        await using var browsers = options.Browsers > 0
            ? await BrowserPages.OpenAsync(address, user, password, options.Page, prefix, options.Browsers)
            : null;

        await Task.Delay(TimeSpan.FromSeconds(2));
        var before = gauge.WorkingSetBytes();
        var opening = Stopwatch.StartNew();
        var circuits = new List<LoadCircuit>();
        var failedToOpen = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Circuits), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, token) =>
        {
            try
            {
                var circuit = await LoadCircuit.OpenAsync(session, options.Page, prefix, token);
                int open;
                lock (circuits)
                {
                    circuits.Add(circuit);
                    open = circuits.Count;
                }

                if (open % 250 == 0)
                {
                    await log.WriteLineAsync($"{open} circuits open after {opening.Elapsed.TotalSeconds:0} s");
                }
            }
            catch (Exception exception)
            {
                if (Interlocked.Increment(ref failedToOpen) <= 3)
                {
                    await log.WriteLineAsync($"a circuit did not open: {exception.Message}");
                }
            }
        });
        var openSeconds = opening.Elapsed.TotalSeconds;
        await Task.Delay(TimeSpan.FromSeconds(3));
        var after = gauge.WorkingSetBytes();
        await log.WriteLineAsync($"{circuits.Count} circuits open on {options.Page} in {openSeconds:0.0} s; changing orders at {options.Rate}/s for {options.Duration.TotalSeconds:0} s");

        foreach (var circuit in circuits)
        {
            circuit.ResetCounters();
        }

        var cpuBefore = gauge.CpuTime();
        var window = Stopwatch.StartNew();
        var changes = await traffic.RunAsync(options.Rate, options.Duration, CancellationToken.None);
        var cpu = gauge.CpuTime() - cpuBefore;
        var wall = window.Elapsed;
        long batches = circuits.Sum(circuit => circuit.Batches), bytes = circuits.Sum(circuit => circuit.BatchBytes);

        // Late batches still count (and show in the latencies): the run waits a while for every circuit to draw the last change.
        var waiting = Stopwatch.StartNew();
        while (waiting.Elapsed < s_grace && changes.Count > 0 && circuits.Any(circuit => circuit.Dropped is null && circuit.FirstSeen(changes[^1].Sequence) is null))
        {
            await Task.Delay(200);
        }

        // An event is shown by the first batch that carries it, or — when the circuit's throttle folded it into a later
        // render, or its line scrolled out of a short list before the circuit drew again — by the first batch that
        // carries any later-committed event: that render drew the state after it. Only an event after which the circuit never
        // drew any later one is missed: that is a circuit the live update skipped.
        var latencies = new List<double>(circuits.Count * changes.Count);
        long missed = 0, folded = 0;
        foreach (var circuit in circuits.Where(circuit => circuit.Dropped is null))
        {
            long? shownBy = null;
            for (var index = changes.Count - 1; index >= 0; index--)
            {
                var own = circuit.FirstSeen(changes[index].Sequence);
                folded += own is null && shownBy is not null ? 1 : 0;
                shownBy = own is { } seen && (shownBy is null || seen < shownBy) ? seen : shownBy;
                if ((own ?? shownBy) is { } ticks)
                {
                    latencies.Add(TimeSpan.FromTicks(ticks - changes[index].CommittedAt.UtcTicks).TotalMilliseconds);
                }
                else
                {
                    missed++;
                }
            }
        }

        var dropped = failedToOpen + circuits.Count(circuit => circuit.Dropped is not null);
        foreach (var reason in circuits.Select(circuit => circuit.Dropped).OfType<string>().Distinct().Take(3))
        {
            await log.WriteLineAsync($"a circuit dropped: {reason}");
        }

        var browserFigures = browsers is null ? null : await BrowserFiguresAsync(browsers, changes);
        await Parallel.ForEachAsync(circuits, async (circuit, _) => await circuit.DisposeAsync());

        latencies.Sort();
        var live = Math.Max(1, circuits.Count(circuit => circuit.Dropped is null));
        return new RunFigures(
            options.Circuits, changes.Count, Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies.Count == 0 ? double.NaN : latencies[^1],
            before is { } b && after is { } a ? (a - b) / 1024.0 / Math.Max(1, circuits.Count) : null,
            dropped, missed, folded,
            changes.Count == 0 ? 0 : batches / (double)live / changes.Count,
            batches == 0 ? 0 : bytes / (double)batches,
            cpu is { } used ? used / wall : null,
            openSeconds, browserFigures);
    }

    private static async Task<BrowserFigures> BrowserFiguresAsync(BrowserPages browsers, IReadOnlyList<OrderChange> changes)
    {
        var latencies = new List<double>();
        long missed = 0;
        foreach (var page in await browsers.FirstSeenAsync())
        {
            foreach (var change in changes)
            {
                if (page.TryGetValue(change.Sequence, out var seenMs))
                {
                    latencies.Add(seenMs - change.CommittedAt.ToUnixTimeMilliseconds());
                }
                else
                {
                    missed++;
                }
            }
        }

        latencies.Sort();
        return new BrowserFigures(browsers.Count, Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies.Count == 0 ? double.NaN : latencies[^1], missed);
    }

    private static double Percentile(List<double> sorted, double rank) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(rank * sorted.Count) - 1)];
}
