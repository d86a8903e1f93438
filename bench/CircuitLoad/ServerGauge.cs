using System.Diagnostics;

namespace CircuitLoad;

/// <summary>The console process's working set and CPU time, read from outside (the console runs as its own process).</summary>
internal sealed class ServerGauge(int? processId)
{
    public long? WorkingSetBytes()
    {
        if (processId is not { } id)
        {
            return null;
        }

        using var process = Process.GetProcessById(id);
        process.Refresh();
        return process.WorkingSet64;
    }

    public TimeSpan? CpuTime()
    {
        if (processId is not { } id)
        {
            return null;
        }

        using var process = Process.GetProcessById(id);
        return process.TotalProcessorTime;
    }
}
