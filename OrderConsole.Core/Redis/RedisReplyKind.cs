using System.Diagnostics.CodeAnalysis;

namespace OrderConsole.Core.Redis;

/// <summary>The RESP2 reply types; nulls are bulk strings or arrays with <see cref="RedisReply.IsNull"/> set.</summary>
public enum RedisReplyKind
{
    SimpleString,
    Error,
    [SuppressMessage("Naming", "CA1720", Justification = "Integer is the name the RESP specification gives this type.")]
    Integer,
    BulkString,
    Array,
}
