using System.Reflection;

namespace ActorIpc.Serialization;

/// <summary>
/// The two fields of <see cref="Exception"/> that its public surface does not reach: the message
/// as created (<see cref="Exception.Message"/> is virtual and adds to it, as
/// <see cref="ArgumentException"/> adds the parameter's name), and the inner exception (no setter).
/// Read and written by reflection where the runtime has them; where it does not, the public
/// values stand in.
/// </summary>
internal static class ExceptionInternals
{
    private static readonly FieldInfo? MessageField =
        typeof(Exception).GetField("_message", BindingFlags.NonPublic | BindingFlags.Instance);

    private static readonly FieldInfo? InnerExceptionField =
        typeof(Exception).GetField("_innerException", BindingFlags.NonPublic | BindingFlags.Instance);

    /// <summary>The message <paramref name="exception"/> was created with.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>The message as created; <see cref="Exception.Message"/> when the runtime keeps it elsewhere.</returns>
    public static string? RawMessage(Exception exception) =>
        MessageField?.FieldType == typeof(string) ? (string?)MessageField.GetValue(exception) : exception.Message;

    /// <summary>Sets the message <paramref name="exception"/> was created with.</summary>
    /// <param name="exception">The exception.</param>
    /// <param name="message">The message.</param>
    /// <returns>Whether it could be set.</returns>
    public static bool TrySetRawMessage(Exception exception, string? message)
    {
        if (MessageField?.FieldType != typeof(string))
        {
            return false;
        }

        MessageField.SetValue(exception, message);
        return true;
    }

    /// <summary>Sets the inner exception of <paramref name="exception"/>.</summary>
    /// <param name="exception">The exception.</param>
    /// <param name="inner">The inner exception.</param>
    /// <returns>Whether it could be set.</returns>
    public static bool TrySetInnerException(Exception exception, Exception inner)
    {
        if (InnerExceptionField?.FieldType != typeof(Exception))
        {
            return false;
        }

        InnerExceptionField.SetValue(exception, inner);
        return true;
    }
}
