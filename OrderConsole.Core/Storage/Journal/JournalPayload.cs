using System.Buffers;
using System.Text.Json;
using OrderConsole.Core.Events;

namespace OrderConsole.Core.Storage.Journal;

/// <summary>A frame's payload: a JSON array of <c>{"kind": …, "data": …}</c>, one entry per change of the write.</summary>
public static class JournalPayload
{
    public static byte[] Encode(IReadOnlyList<JournalChange> changes)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var change in changes)
            {
                json.WriteStartObject();
                json.WriteString("kind", change.Kind);
                json.WritePropertyName("data");
                JsonSerializer.Serialize(json, change.Data, change.DataType, WireJson.Options);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return JournalFrame.Encode(buffer.WrittenSpan);
    }

    /// <summary>Replays every change of one frame's payload, in the order they were written.</summary>
    public static int Replay(ReadOnlyMemory<byte> payload, JournalReplay replay)
    {
        using var document = JsonDocument.Parse(payload);
        var count = 0;
        foreach (var change in document.RootElement.EnumerateArray())
        {
            replay.Apply(change.GetProperty("kind").GetString() ?? string.Empty, change.GetProperty("data"));
            count++;
        }

        return count;
    }
}
