using OrderConsole.Core.Redis;

namespace OrderConsole.Tests.Redis;

public sealed class RedisConnectionOptionsTests
{
    [Fact]
    public void A_full_connection_string_sets_every_option()
    {
        var options = RedisConnectionOptions.Parse(
            "cache.internal:6380,user=orders,password=p@ss=word,ssl=true,db=3,connectTimeout=2500,commandTimeout=750,name=console-1");

        Assert.Equal("cache.internal", options.Host);
        Assert.Equal(6380, options.Port);
        Assert.Equal("orders", options.User);
        Assert.Equal("p@ss=word", options.Password);
        Assert.True(options.Ssl);
        Assert.Equal(3, options.Database);
        Assert.Equal(TimeSpan.FromMilliseconds(2500), options.ConnectTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(750), options.CommandTimeout);
        Assert.Equal("console-1", options.ClientName);
    }

    [Fact]
    public void A_host_alone_uses_the_default_port_database_and_no_TLS()
    {
        var options = RedisConnectionOptions.Parse("localhost");

        Assert.Equal(("localhost", 6379, 0, false), (options.Host, options.Port, options.Database, options.Ssl));
    }

    [Fact]
    public void Option_keys_are_case_insensitive_and_spaces_around_parts_are_ignored()
    {
        var options = RedisConnectionOptions.Parse("redis:6379 , DB=2, Ssl=True ,CommandTimeout=-1");

        Assert.Equal((2, true, Timeout.InfiniteTimeSpan), (options.Database, options.Ssl, options.CommandTimeout));
    }

    [Fact]
    public void An_IPv6_literal_in_brackets_parses()
    {
        var options = RedisConnectionOptions.Parse("[::1]:7000");

        Assert.Equal(("::1", 7000), (options.Host, options.Port));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("host:notaport", "port 'notaport'")]
    [InlineData("host:70000", "port '70000'")]
    [InlineData(":6379", "no host")]
    [InlineData("db=1", "must start with host")]
    [InlineData("host,db=-1", "db='-1'")]
    [InlineData("host,db=x", "db='x'")]
    [InlineData("host,ssl=maybe", "ssl='maybe'")]
    [InlineData("host,connectTimeout=0", "connectTimeout='0'")]
    [InlineData("host,commandTimeout=soon", "commandTimeout='soon'")]
    [InlineData("host,password", "'password' is not key=value")]
    [InlineData("host,user=", "user= needs a value")]
    [InlineData("host,name=two words", "must not contain spaces")]
    [InlineData("host,timeout=5", "'timeout' is not a known option")]
    public void A_bad_connection_string_fails_with_a_message_naming_the_problem(string connectionString, string expected)
    {
        var error = Assert.Throws<FormatException>(() => RedisConnectionOptions.Parse(connectionString));

        Assert.StartsWith("Invalid Redis connection string", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_password_is_never_printed()
    {
        var options = RedisConnectionOptions.Parse("host,user=u,password=hunter2");

        Assert.DoesNotContain("hunter2", options.ToString(), StringComparison.Ordinal);
        Assert.Contains("password=*****", options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Printed_options_parse_back_to_the_same_options()
    {
        var options = RedisConnectionOptions.Parse("host:1234,user=u,ssl=true,db=4,name=n,connectTimeout=100,commandTimeout=200");

        Assert.Equal(options, RedisConnectionOptions.Parse(options.ToString()));
    }
}
