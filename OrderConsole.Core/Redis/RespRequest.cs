using System.Buffers;

namespace OrderConsole.Core.Redis;

/// <summary>Frames a request as RESP: an array of bulk strings, written into a pooled buffer the caller returns.</summary>
internal static class RespRequest
{
    /// <summary>Encodes the request into a buffer rented from <see cref="ArrayPool{T}.Shared"/>; the frame is the first <paramref name="length"/> bytes.</summary>
    public static byte[] Encode(in RedisArgument command, ReadOnlySpan<RedisArgument> args, out int length)
    {
        // Measure first so the frame is written once, straight into a buffer of the right size.
        var count = args.Length + 1;
        Span<int> sizes = count <= 64 ? stackalloc int[count] : new int[count];
        length = 1 + RedisArgument.DigitCount(count) + 2;
        for (var i = 0; i < count; i++)
        {
            sizes[i] = i == 0 ? command.ByteCount : args[i - 1].ByteCount;
            length += 1 + RedisArgument.DigitCount(sizes[i]) + 2 + sizes[i] + 2;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(length);
        var span = buffer.AsSpan();
        var at = WriteHeader(span, (byte)'*', count);
        for (var i = 0; i < count; i++)
        {
            at += WriteHeader(span[at..], (byte)'$', sizes[i]);
            var target = span.Slice(at, sizes[i]);
            if (i == 0)
            {
                command.CopyTo(target);
            }
            else
            {
                args[i - 1].CopyTo(target);
            }

            at += sizes[i];
            span[at++] = (byte)'\r';
            span[at++] = (byte)'\n';
        }

        return buffer;
    }

    private static int WriteHeader(Span<byte> span, byte type, int count)
    {
        span[0] = type;
        count.TryFormat(span[1..], out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        span[1 + written] = (byte)'\r';
        span[2 + written] = (byte)'\n';
        return 3 + written;
    }
}
