using System.Buffers;
using System.Text;
using OrderConsole.Core.Redis;

namespace OrderConsole.Tests.Redis;

public sealed class RespRequestTests
{
    [Fact]
    public void A_request_is_sent_as_an_array_of_bulk_strings()
    {
        var frame = RespRequest.Encode("SET", ["key", "välue", 42L, new byte[] { 0, 13, 10 }], out var length);
        try
        {
            Assert.Equal(
                "*5\r\n$3\r\nSET\r\n$3\r\nkey\r\n$6\r\nvälue\r\n$2\r\n42\r\n$3\r\n\0\r\n\r\n",
                Encoding.UTF8.GetString(frame, 0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(frame);
        }
    }
}
