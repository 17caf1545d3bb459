namespace ActorIpc.TestNode.Messages;

/// <summary>How the failing actor hands back the exception.</summary>
public enum FailureDelivery
{
    /// <summary>As the cause of a <c>Status.Failure</c> reply: the Ask throws it.</summary>
    StatusFailure,

    /// <summary>Inside a <see cref="WithError"/> record.</summary>
    InsideRecord,

    /// <summary>As the reply itself.</summary>
    AsMessage,
}
