using System.Buffers;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using OrderConsole.Core.Redis;
using static OrderConsole.Tests.Redis.RespTestData;

namespace OrderConsole.Tests.Redis;

public sealed class RespParserTests
{
    [Fact]
    public void A_simple_string_parses_as_its_text()
    {
        var reply = ParseOne("+PONG\r\n");

        Assert.Equal(RedisReplyKind.SimpleString, reply.Kind);
        Assert.Equal("PONG", reply.AsString());
    }

    [Fact]
    public void An_error_reply_parses_as_an_error_with_its_message()
    {
        var reply = ParseOne("-ERR unknown command 'FOO'\r\n");

        Assert.True(reply.IsError);
        Assert.Equal("ERR unknown command 'FOO'", reply.AsString());
    }

    [Theory]
    [InlineData("WRONGTYPE Operation against a key holding the wrong kind of value", "WRONGTYPE")]
    [InlineData("BUSY Redis is busy running a script.", "BUSY")]
    [InlineData("NOSCRIPT No matching script. Please use EVAL.", "NOSCRIPT")]
    [InlineData("READONLY You can't write against a read only replica.", "READONLY")]
    [InlineData("OOM command not allowed when used memory > 'maxmemory'.", "OOM")]
    [InlineData("LOADING Redis is loading the dataset in memory", "LOADING")]
    [InlineData("ERR syntax error", "ERR")]
    [InlineData("something without a code", "ERR")]
    public void A_server_error_surfaces_its_prefix(string message, string prefix)
    {
        var error = new RedisServerException(message);

        Assert.Equal(prefix, error.Prefix);
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData(":0\r\n", 0)]
    [InlineData(":1000\r\n", 1000)]
    [InlineData(":-7\r\n", -7)]
    [InlineData(":9223372036854775807\r\n", long.MaxValue)]
    public void An_integer_parses_with_its_sign(string wire, long expected)
    {
        var reply = ParseOne(wire);

        Assert.Equal(RedisReplyKind.Integer, reply.Kind);
        Assert.Equal(expected, reply.AsInt64());
    }

    [Fact]
    public void A_bulk_string_keeps_binary_content_including_CRLF()
    {
        var reply = ParseOne("$8\r\na\r\nb\0\r\nc\r\n");

        Assert.Equal(RedisReplyKind.BulkString, reply.Kind);
        Assert.Equal("a\r\nb\0\r\nc"u8.ToArray(), reply.AsBytes());
    }

    [Fact]
    public void An_empty_bulk_string_is_empty_not_null()
    {
        var reply = ParseOne("$0\r\n\r\n");

        Assert.False(reply.IsNull);
        Assert.Equal(string.Empty, reply.AsString());
    }

    [Fact]
    public void A_null_bulk_string_parses_as_null()
    {
        var reply = ParseOne("$-1\r\n");

        Assert.Equal(RedisReplyKind.BulkString, reply.Kind);
        Assert.True(reply.IsNull);
        Assert.Null(reply.AsString());
    }

    [Fact]
    public void A_null_array_parses_as_null()
    {
        var reply = ParseOne("*-1\r\n");

        Assert.Equal(RedisReplyKind.Array, reply.Kind);
        Assert.True(reply.IsNull);
        Assert.Empty(reply.Elements);
    }

    [Fact]
    public void An_empty_array_parses_as_empty_not_null()
    {
        var reply = ParseOne("*0\r\n");

        Assert.False(reply.IsNull);
        Assert.Empty(reply.Elements);
    }

    [Fact]
    public void Nested_arrays_keep_their_shape_and_element_types()
    {
        var reply = ParseOne("*3\r\n:1\r\n*2\r\n$1\r\na\r\n*1\r\n+deep\r\n$-1\r\n");

        Assert.Equal("[Integer:1,[$61,[SimpleString:deep]],BulkString:null]", Describe(reply));
    }

    [Fact]
    public void An_error_inside_an_array_stays_an_element()
    {
        var reply = ParseOne("*2\r\n+OK\r\n-ERR in a transaction\r\n");

        Assert.True(reply.Elements[1].IsError);
    }

    [Fact]
    public void An_incomplete_frame_needs_more_data_and_consumes_nothing()
    {
        var parser = new RespParser();
        var buffer = new ReadOnlySequence<byte>("*2\r\n$3\r\nfoo\r\n$3\r\nba"u8.ToArray());

        Assert.False(parser.TryParse(ref buffer, out var reply));
        Assert.Null(reply);
        Assert.Equal(19, buffer.Length);
    }

    [Fact]
    public void Frames_in_one_buffer_parse_one_after_another()
    {
        var replies = ParseFragments([Encoding.UTF8.GetBytes(EveryType)]);

        Assert.Equal(9, replies.Count);
    }

    [Fact]
    public void A_reply_split_at_every_byte_parses_the_same()
    {
        var bytes = Encoding.UTF8.GetBytes(EveryType);
        var whole = ParseFragments([bytes]);

        for (var cut = 1; cut < bytes.Length; cut++)
        {
            Assert.Equal(whole, ParseFragments(SplitAt(bytes, [cut])));
        }
    }

    [Fact]
    public void A_reply_arriving_one_byte_at_a_time_parses_the_same()
    {
        var bytes = Encoding.UTF8.GetBytes(EveryType);

        Assert.Equal(ParseFragments([bytes]), ParseFragments(bytes.Select(b => new[] { b })));
    }

    [Fact]
    public void Any_pipeline_of_replies_parses_the_same_however_it_is_fragmented()
    {
        var property = Prop.ForAll(
            ArbMap.Default.ArbFor<int>(),
            ArbMap.Default.ArbFor<int[]>(),
            (seed, cuts) => ParsesTheSameWhenCut(seed, cuts));

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), property);
    }

    [Theory]
    [InlineData("*-10\r\n", "invalid array length -10")]
    [InlineData("*3000000000\r\n", "invalid array length 3000000000")]
    [InlineData("$-2\r\n", "invalid bulk string length -2")]
    [InlineData("$abc\r\nabc\r\n", "contains a non-digit")]
    [InlineData("$\r\n", "is empty")]
    [InlineData("$1x\r\n", "contains a non-digit")]
    [InlineData(":12a\r\n", "contains a non-digit")]
    [InlineData("*99999999999999999999\r\n", "overflows")]
    public void A_malformed_length_is_rejected_with_a_protocol_error(string wire, string expected)
    {
        var error = Assert.Throws<RedisProtocolException>(() => ParseOne(wire));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bulk_string_not_followed_by_CRLF_is_rejected()
    {
        var error = Assert.Throws<RedisProtocolException>(() => ParseOne("$3\r\nabcd\r\n"));

        Assert.Contains("not followed by CRLF", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_ending_in_LF_without_CR_is_rejected()
    {
        Assert.Throws<RedisProtocolException>(() => ParseOne("+OK\n"));
    }

    [Fact]
    public void A_length_header_without_CRLF_is_rejected_once_it_cannot_be_a_number()
    {
        Assert.Throws<RedisProtocolException>(() => ParseOne("$1234567890123456789012345678901234"));
    }

    [Fact]
    public void An_unknown_type_byte_is_rejected()
    {
        var error = Assert.Throws<RedisProtocolException>(() => ParseOne("%1\r\n"));

        Assert.Contains("unexpected RESP type byte", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bulk_string_longer_than_the_configured_maximum_is_rejected_before_its_bytes_arrive()
    {
        var limits = new RespLimits { MaxBulkLength = 1024 };

        Assert.Throws<RedisProtocolException>(() => ParseOne("$1025\r\n", limits));
    }

    [Fact]
    public void An_array_longer_than_the_configured_maximum_is_rejected()
    {
        var limits = new RespLimits { MaxArrayLength = 2 };

        Assert.Throws<RedisProtocolException>(() => ParseOne("*3\r\n:1\r\n:2\r\n:3\r\n", limits));
    }

    [Fact]
    public void Arrays_nested_deeper_than_the_limit_are_rejected()
    {
        var limits = new RespLimits { MaxDepth = 4 };

        Assert.Throws<RedisProtocolException>(() => ParseOne(string.Concat(Enumerable.Repeat("*1\r\n", 5)) + ":1\r\n", limits));
    }

    [Fact]
    public void The_default_limits_match_Redis_512_MB_values()
    {
        Assert.Equal(512L * 1024 * 1024, RespLimits.Default.MaxBulkLength);
    }

    /// <summary>A random pipeline of replies, cut at random places, parses to exactly the replies it was built from.</summary>
    private static bool ParsesTheSameWhenCut(int seed, int[] cuts)
    {
        var random = new Random(seed);
        var replies = Enumerable.Range(0, random.Next(1, 6)).Select(_ => RandomReply(random)).ToList();
        var wire = new StringBuilder();
        replies.ForEach(reply => Encode(reply, wire));
        var bytes = Encoding.UTF8.GetBytes(wire.ToString());

        var parsed = ParseFragments(SplitAt(bytes, cuts.Select(c => Math.Abs(c % bytes.Length))));

        return parsed.SequenceEqual(replies.Select(Describe));
    }
}
