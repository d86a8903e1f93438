using System.Buffers;
using System.Text;

namespace OrderConsole.Core.Redis;

/// <summary>
/// Parses RESP2 replies incrementally: given whatever bytes have arrived, it returns one complete reply or
/// says it needs more data, whatever the fragment boundaries. Malformed or over-limit input throws
/// <see cref="RedisProtocolException"/>, since nothing after a bad frame can be trusted.
/// </summary>
public sealed class RespParser(RespLimits limits)
{
    // A length header is at most a sign, 19 digits and CRLF; anything longer without a line end is garbage.
    private const int MaxHeaderLength = 24;

    public RespParser()
        : this(RespLimits.Default)
    {
    }

    public RespLimits Limits { get; } = limits;

    /// <summary>
    /// Parses one reply from the start of <paramref name="buffer"/>. On success the buffer is advanced past it;
    /// when the reply is incomplete the buffer is left as it was and the method returns false.
    /// </summary>
    public bool TryParse(ref ReadOnlySequence<byte> buffer, out RedisReply? reply)
    {
        var reader = new SequenceReader<byte>(buffer);
        if (!TryParseValue(ref reader, depth: 0, out reply))
        {
            reply = null;
            return false;
        }

        buffer = buffer.Slice(reader.Position);
        return true;
    }

    private bool TryParseValue(ref SequenceReader<byte> reader, int depth, out RedisReply? reply)
    {
        reply = null;
        if (!reader.TryRead(out var type))
        {
            return false;
        }

        switch (type)
        {
            case (byte)'+':
                if (!TryReadLine(ref reader, Limits.MaxLineLength, "simple string", out var simple))
                {
                    return false;
                }

                reply = simple.SequenceEqual("OK"u8) ? RedisReply.Ok : RedisReply.SimpleString(Encoding.UTF8.GetString(simple));
                return true;
            case (byte)'-':
                if (!TryReadLine(ref reader, Limits.MaxLineLength, "error", out var error))
                {
                    return false;
                }

                reply = RedisReply.Error(Encoding.UTF8.GetString(error));
                return true;
            case (byte)':':
                if (!TryReadLine(ref reader, MaxHeaderLength, "integer", out var digits))
                {
                    return false;
                }

                reply = RedisReply.Integer(ParseInteger(digits, "integer"));
                return true;
            case (byte)'$':
                return TryParseBulk(ref reader, out reply);
            case (byte)'*':
                return TryParseArray(ref reader, depth, out reply);
            default:
                throw new RedisProtocolException(
                    $"unexpected RESP type byte 0x{type:X2} ('{(char)type}'); expected one of + - : $ *");
        }
    }

    private bool TryParseBulk(ref SequenceReader<byte> reader, out RedisReply? reply)
    {
        reply = null;
        if (!TryReadLine(ref reader, MaxHeaderLength, "bulk string length", out var header))
        {
            return false;
        }

        var length = ParseInteger(header, "bulk string length");
        if (length == -1)
        {
            reply = RedisReply.NullBulkString;
            return true;
        }

        if (length < 0 || length > Limits.MaxBulkLength)
        {
            throw new RedisProtocolException(
                $"invalid bulk string length {length}; allowed are -1 (null) and 0 to {Limits.MaxBulkLength}");
        }

        if (reader.Remaining < length + 2)
        {
            return false;
        }

        var bytes = length == 0 ? [] : new byte[length];
        reader.TryCopyTo(bytes);
        reader.Advance(length);
        if (!reader.IsNext("\r\n"u8, advancePast: true))
        {
            throw new RedisProtocolException($"a bulk string of {length} bytes is not followed by CRLF");
        }

        reply = RedisReply.BulkString(bytes);
        return true;
    }

    private bool TryParseArray(ref SequenceReader<byte> reader, int depth, out RedisReply? reply)
    {
        reply = null;
        if (!TryReadLine(ref reader, MaxHeaderLength, "array length", out var header))
        {
            return false;
        }

        var count = ParseInteger(header, "array length");
        if (count == -1)
        {
            reply = RedisReply.NullArray;
            return true;
        }

        if (count < 0 || count > Limits.MaxArrayLength)
        {
            throw new RedisProtocolException(
                $"invalid array length {count}; allowed are -1 (null) and 0 to {Limits.MaxArrayLength}");
        }

        if (depth >= Limits.MaxDepth)
        {
            throw new RedisProtocolException($"arrays nested deeper than {Limits.MaxDepth} levels");
        }

        // Every element takes at least 3 bytes ("+\r\n"); waiting for them first means a partial array
        // allocates nothing, and a large announced count cannot allocate before its bytes exist.
        if (reader.Remaining < count * 3)
        {
            return false;
        }

        if (count == 0)
        {
            reply = RedisReply.EmptyArray;
            return true;
        }

        var elements = new RedisReply[count];
        for (var i = 0; i < elements.Length; i++)
        {
            if (!TryParseValue(ref reader, depth + 1, out var element))
            {
                return false;
            }

            elements[i] = element!;
        }

        reply = RedisReply.Array(elements);
        return true;
    }

    /// <summary>Reads up to CRLF (not included). Fails with a protocol error on a bare LF or a line past <paramref name="maxLength"/>.</summary>
    private static bool TryReadLine(ref SequenceReader<byte> reader, int maxLength, string what, out ReadOnlySpan<byte> line)
    {
        if (!reader.TryReadTo(out line, (byte)'\n'))
        {
            if (reader.Remaining > maxLength)
            {
                throw new RedisProtocolException($"the {what} line has no CRLF within {maxLength} bytes");
            }

            return false;
        }

        if (line.Length == 0 || line[^1] != (byte)'\r')
        {
            throw new RedisProtocolException($"the {what} line ends with LF but no CR before it");
        }

        line = line[..^1];
        if (line.Length > maxLength)
        {
            throw new RedisProtocolException($"the {what} line is longer than {maxLength} bytes");
        }

        return true;
    }

    private static long ParseInteger(ReadOnlySpan<byte> digits, string what)
    {
        var negative = digits.Length > 0 && digits[0] == (byte)'-';
        var start = negative ? 1 : 0;
        if (digits.Length == start)
        {
            throw new RedisProtocolException($"the {what} is empty");
        }

        long value = 0;
        for (var i = start; i < digits.Length; i++)
        {
            var digit = digits[i] - (byte)'0';
            if (digit is < 0 or > 9)
            {
                throw new RedisProtocolException(
                    $"the {what} '{Encoding.ASCII.GetString(digits)}' contains a non-digit");
            }

            if (value > (long.MaxValue - digit) / 10)
            {
                throw new RedisProtocolException($"the {what} '{Encoding.ASCII.GetString(digits)}' overflows 64 bits");
            }

            value = (value * 10) + digit;
        }

        return negative ? -value : value;
    }
}
