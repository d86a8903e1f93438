using System.Text;

namespace OrderConsole.Core.Storage.Redis;

/// <summary>
/// Turns words the C# code composes into a Lua expression that composes the same words from Lua values,
/// so an error message a script writes has one source. Put <see cref="Value"/> markers where the Lua values go:
/// <c>Expression($"no driver {Value("d.id")} exists")</c> gives <c>'no driver ' .. (d.id) .. ' exists'</c>.
/// </summary>
internal static class LuaText
{
    private const char Marker = '\u0001';

    /// <summary>A place for the value of <paramref name="luaExpression"/> inside composed words.</summary>
    public static string Value(string luaExpression) => $"{Marker}{luaExpression}{Marker}";

    public static string Expression(string words)
    {
        var parts = words.Split(Marker);
        var pieces = new List<string>(parts.Length);
        for (var i = 0; i < parts.Length; i++)
        {
            if (i % 2 == 1)
            {
                pieces.Add($"({parts[i]})");
            }
            else if (parts[i].Length > 0)
            {
                pieces.Add(Quote(parts[i]));
            }
        }

        return pieces.Count == 0 ? "''" : string.Join(" .. ", pieces);
    }

    private static string Quote(string literal)
    {
        var quoted = new StringBuilder(literal.Length + 2).Append('\'');
        foreach (var c in literal)
        {
            quoted.Append(c switch
            {
                '\\' => @"\\",
                '\'' => @"\'",
                '\n' => @"\n",
                _ => c.ToString(),
            });
        }

        return quoted.Append('\'').ToString();
    }
}
