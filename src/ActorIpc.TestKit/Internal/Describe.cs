using System.Globalization;
using System.Text;

namespace ActorIpc.TestKit;

/// <summary>How failure messages show durations, types and messages.</summary>
internal static class Describe
{
    // Long enough for any record a test sends; short enough that a failure stays readable.
    private const int MaxMessageLength = 500;

    public static string Ms(TimeSpan duration) =>
        string.Create(CultureInfo.InvariantCulture, $"{Math.Round(duration.TotalMilliseconds):0} ms");

    /// <summary>The C# name of a type, generic arguments included (<c>List&lt;Int32&gt;</c>).</summary>
    public static string Type(Type type)
    {
        if (!type.IsGenericType)
        {
            return type.Name;
        }

        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        var builder = new StringBuilder(tick < 0 ? name : name[..tick]).Append('<');
        var arguments = type.GetGenericArguments();
        for (var i = 0; i < arguments.Length; i++)
        {
            builder.Append(i == 0 ? string.Empty : ", ").Append(Type(arguments[i]));
        }

        return builder.Append('>').ToString();
    }

    /// <summary>A message as the test wrote it: strings quoted, anything else by its ToString.</summary>
    public static string Message(object? message)
    {
        var text = message switch
        {
            null => "null",
            string s => "\"" + s + "\"",
            _ => message.ToString() ?? message.GetType().Name,
        };
        return text.Length <= MaxMessageLength ? text : text[..MaxMessageLength] + "…";
    }

    /// <summary>A received message with its type (when its text does not start with it) and sender.</summary>
    public static string Received((object Message, IActorRef Sender) item)
    {
        var text = Message(item.Message);
        var typeName = Type(item.Message.GetType());
        var typed = text.StartsWith(typeName, StringComparison.Ordinal) ? text : $"{text} (a {typeName})";
        return $"{typed} from {item.Sender}";
    }

    /// <summary>A list of received messages, the first few in full.</summary>
    public static string List(IReadOnlyList<(object Message, IActorRef Sender)> items, int shown = 10)
    {
        if (items.Count == 0)
        {
            return "none";
        }

        var text = string.Join("; ", items.Take(shown).Select(Received));
        return items.Count <= shown ? text : $"{text}; and {items.Count - shown} more";
    }
}
