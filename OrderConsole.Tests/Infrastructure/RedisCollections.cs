namespace OrderConsole.Tests.Infrastructure;

/// <summary>Tests that share one well-behaved server.</summary>
[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisServerFixture>
{
    public const string Name = "redis";
}

/// <summary>Tests that kill clients, pause, sleep, flush or starve their server get one of their own, so other tests never see it.</summary>
[CollectionDefinition(Name)]
public sealed class RedisFaultCollection : ICollectionFixture<RedisServerFixture>
{
    public const string Name = "redis-faults";
}
