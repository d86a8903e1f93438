using System.Buffers;
using System.Text;
using OrderConsole.Core.Redis;

namespace OrderConsole.Tests.Redis;

/// <summary>Helpers for parser tests: parse text, feed fragments the way a socket delivers them, describe replies for comparison.</summary>
internal static class RespTestData
{
    /// <summary>One reply of every RESP2 type, nulls and nesting included, as they appear on the wire.</summary>
    public const string EveryType =
        "+OK\r\n" +
        "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n" +
        ":-42\r\n" +
        "$12\r\nhello\r\nworld\r\n" +
        "$0\r\n\r\n" +
        "$-1\r\n" +
        "*-1\r\n" +
        "*0\r\n" +
        "*3\r\n:1\r\n*2\r\n$1\r\na\r\n*1\r\n+deep\r\n$-1\r\n";

    public static RedisReply ParseOne(string wire, RespLimits? limits = null)
    {
        var buffer = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(wire));
        var parser = new RespParser(limits ?? RespLimits.Default);
        Assert.True(parser.TryParse(ref buffer, out var reply), "the frame should be complete");
        Assert.True(buffer.IsEmpty, "the whole frame should be consumed");
        return reply!;
    }

    /// <summary>Feeds <paramref name="pieces"/> one at a time, keeping unconsumed bytes as separate segments, like a pipe does.</summary>
    public static List<string> ParseFragments(IEnumerable<byte[]> pieces, RespLimits? limits = null)
    {
        var parser = new RespParser(limits ?? RespLimits.Default);
        var replies = new List<string>();
        var pending = new List<ReadOnlyMemory<byte>>();
        foreach (var piece in pieces)
        {
            pending.Add(piece);
            var buffer = Segments(pending);
            while (parser.TryParse(ref buffer, out var reply))
            {
                replies.Add(Describe(reply!));
            }

            pending = [];
            foreach (var memory in buffer)
            {
                pending.Add(memory);
            }
        }

        Assert.DoesNotContain(pending, memory => !memory.IsEmpty);
        return replies;
    }

    public static IEnumerable<byte[]> SplitAt(byte[] bytes, IEnumerable<int> cuts)
    {
        var start = 0;
        foreach (var cut in cuts.Where(c => c > 0 && c < bytes.Length).Distinct().Order())
        {
            yield return bytes[start..cut];
            start = cut;
        }

        yield return bytes[start..];
    }

    public static ReadOnlySequence<byte> Segments(IReadOnlyList<ReadOnlyMemory<byte>> pieces)
    {
        if (pieces.Count == 0)
        {
            return ReadOnlySequence<byte>.Empty;
        }

        var first = new Segment(pieces[0], 0);
        var last = first;
        for (var i = 1; i < pieces.Count; i++)
        {
            last = last.Append(pieces[i]);
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    /// <summary>A compact, comparable rendering of a reply tree.</summary>
    public static string Describe(RedisReply reply) => reply.Kind switch
    {
        _ when reply.IsNull => $"{reply.Kind}:null",
        RedisReplyKind.Array => $"[{string.Join(",", reply.Elements.Select(Describe))}]",
        RedisReplyKind.BulkString => $"${Convert.ToHexString(reply.Bytes.Span)}",
        _ => $"{reply.Kind}:{reply.AsString()}",
    };

    /// <summary>Encodes a reply tree back to RESP2, for building random inputs.</summary>
    public static void Encode(RedisReply reply, StringBuilder wire)
    {
        switch (reply.Kind)
        {
            case RedisReplyKind.SimpleString:
                wire.Append('+').Append(reply.AsString()).Append("\r\n");
                break;
            case RedisReplyKind.Error:
                wire.Append('-').Append(reply.AsString()).Append("\r\n");
                break;
            case RedisReplyKind.Integer:
                wire.Append(':').Append(reply.AsInt64()).Append("\r\n");
                break;
            case RedisReplyKind.BulkString when reply.IsNull:
                wire.Append("$-1\r\n");
                break;
            case RedisReplyKind.BulkString:
                wire.Append('$').Append(reply.Bytes.Length).Append("\r\n").Append(reply.AsString()).Append("\r\n");
                break;
            case RedisReplyKind.Array when reply.IsNull:
                wire.Append("*-1\r\n");
                break;
            default:
                wire.Append('*').Append(reply.Elements.Count).Append("\r\n");
                foreach (var element in reply.Elements)
                {
                    Encode(element, wire);
                }

                break;
        }
    }

    /// <summary>A random reply tree (ASCII payloads so the text round-trips), reproducible from <paramref name="random"/>.</summary>
    public static RedisReply RandomReply(Random random, int depth = 0)
    {
        var text = new string('x', random.Next(0, 5)) + random.Next(1000);
        return random.Next(depth < 3 ? 8 : 6) switch
        {
            0 => RedisReply.SimpleString(text),
            1 => RedisReply.Error("ERR " + text),
            2 => RedisReply.Integer(random.NextInt64(long.MinValue + 1, long.MaxValue)),
            3 => RedisReply.BulkString(text + "\r\n" + text),
            4 => RedisReply.NullBulkString,
            5 => RedisReply.NullArray,
            _ => RedisReply.Array([.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => RandomReply(random, depth + 1))]),
        };
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
