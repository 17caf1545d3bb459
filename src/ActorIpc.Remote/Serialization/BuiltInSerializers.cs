namespace ActorIpc.Remote.Serialization;

/// <summary>The serializers every registry has, with their reserved names and ids (0–99 are reserved for ActorIpc).</summary>
internal static class BuiltInSerializers
{
    public const int FirstUserId = 100;

    public const int PrimitiveId = 1;
    public const int JsonId = 2;
    public const int ProtobufId = 3;
    public const int ExceptionId = 4;
    public const int StatusId = 5;
    public const int ActorMessagesId = 6;

    public const string PrimitiveName = "primitive";
    public const string JsonName = "json";
    public const string ProtobufName = "proto";
    public const string ExceptionName = "exception";
    public const string StatusName = "status";
    public const string ActorMessagesName = "actor-messages";

    /// <summary>The implementation type behind a built-in name, or null for any other name.</summary>
    public static Type? TypeOf(string name) => name switch
    {
        PrimitiveName => typeof(PrimitiveSerializer),
        JsonName => typeof(JsonMessageSerializer),
        ProtobufName => typeof(ProtobufSerializer),
        ExceptionName => typeof(ExceptionSerializer),
        StatusName => typeof(StatusSerializer),
        ActorMessagesName => typeof(ActorMessageSerializer),
        _ => null,
    };

    /// <summary>
    /// Bindings every registry starts with; a binding of the same type in configuration replaces one of these.
    /// </summary>
    public static IEnumerable<KeyValuePair<Type, string>> DefaultBindings()
    {
        foreach (var type in PrimitiveSerializer.SupportedTypes)
        {
            yield return new(type, PrimitiveName);
        }

        yield return new(typeof(Google.Protobuf.IMessage), ProtobufName);
        yield return new(typeof(Exception), ExceptionName);
        yield return new(typeof(Status), StatusName);
        yield return new(typeof(Identify), ActorMessagesName);
        yield return new(typeof(ActorIdentity), ActorMessagesName);
        yield return new(typeof(PoisonPill), ActorMessagesName);
        yield return new(typeof(Kill), ActorMessagesName);
    }
}
