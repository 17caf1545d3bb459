namespace ActorIpc;

/// <summary>How a <see cref="PublishedObjectJsonCall"/> ended at the publisher.</summary>
internal enum JsonCallOutcome : byte
{
    /// <summary>The method returned; the answer carries its result as JSON.</summary>
    Returned = 1,

    /// <summary>The method threw; the answer carries the exception's type and message.</summary>
    Threw = 2,

    /// <summary>The method was not called (no such method or interface, an ambiguous overload, an argument that does not convert), or its result could not be written as JSON.</summary>
    Refused = 3,
}
