using System.Globalization;
using System.Text;

namespace OrderConsole.Core.Redis;

/// <summary>One argument of a request (text, bytes or a number), sent as a bulk string; converts implicitly from each.</summary>
public readonly struct RedisArgument : IEquatable<RedisArgument>
{
    private readonly string? _text;
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly long _number;
    private readonly Form _form;

    private RedisArgument(string? text, ReadOnlyMemory<byte> bytes, long number, Form form)
    {
        _text = text;
        _bytes = bytes;
        _number = number;
        _form = form;
    }

    private enum Form : byte
    {
        Text,
        Bytes,
        Number,
    }

    public static implicit operator RedisArgument(string text) => FromString(text);

    public static implicit operator RedisArgument(byte[] bytes) => FromBytes(bytes);

    public static implicit operator RedisArgument(ReadOnlyMemory<byte> bytes) => FromBytes(bytes);

    public static implicit operator RedisArgument(long number) => FromInt64(number);

    public static bool operator ==(RedisArgument left, RedisArgument right) => left.Equals(right);

    public static bool operator !=(RedisArgument left, RedisArgument right) => !left.Equals(right);

    public static RedisArgument FromString(string text) => new(text ?? string.Empty, default, 0, Form.Text);

    public static RedisArgument FromBytes(ReadOnlyMemory<byte> bytes) => new(null, bytes, 0, Form.Bytes);

    public static RedisArgument FromInt64(long number) => new(null, default, number, Form.Number);

    /// <summary>The text when the argument was given as a string, without converting anything else.</summary>
    internal string? Text => _form == Form.Text ? _text : null;

    /// <summary>How many bytes the argument takes on the wire (without its header).</summary>
    internal int ByteCount => _form switch
    {
        Form.Text => Encoding.UTF8.GetByteCount(_text!),
        Form.Bytes => _bytes.Length,
        _ => DigitCount(_number),
    };

    /// <summary>Writes the argument's bytes; <paramref name="destination"/> is exactly <see cref="ByteCount"/> long.</summary>
    internal void CopyTo(Span<byte> destination)
    {
        switch (_form)
        {
            case Form.Text:
                Encoding.UTF8.GetBytes(_text!, destination);
                break;
            case Form.Bytes:
                _bytes.Span.CopyTo(destination);
                break;
            default:
                _number.TryFormat(destination, out _, default, CultureInfo.InvariantCulture);
                break;
        }
    }

    public bool Equals(RedisArgument other) => ToString() == other.ToString();

    public override bool Equals(object? obj) => obj is RedisArgument other && Equals(other);

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

    public override string ToString() => _form switch
    {
        Form.Text => _text!,
        Form.Bytes => Encoding.UTF8.GetString(_bytes.Span),
        _ => _number.ToString(CultureInfo.InvariantCulture),
    };

    internal static int DigitCount(long value)
    {
        if (value == long.MinValue)
        {
            return 20;
        }

        var count = value < 0 ? 2 : 1;
        var rest = Math.Abs(value);
        while (rest >= 10)
        {
            rest /= 10;
            count++;
        }

        return count;
    }
}
