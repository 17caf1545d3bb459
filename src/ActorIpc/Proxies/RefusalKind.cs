namespace ActorIpc;

/// <summary>Why a publisher refused a call without calling its implementation.</summary>
internal enum RefusalKind : byte
{
    /// <summary>The call came from a proxy of another interface than the one published.</summary>
    OtherInterface = 1,

    /// <summary>The publisher's version of the interface has no method with the call's signature.</summary>
    NoSuchMethod = 2,

    /// <summary>An argument did not deserialize at the publisher (a type its configuration does not allow).</summary>
    ArgumentRefused = 3,

    /// <summary>The result did not serialize at the publisher (a type its configuration does not allow).</summary>
    ResultRefused = 4,
}
