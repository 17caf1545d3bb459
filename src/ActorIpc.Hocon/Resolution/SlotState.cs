namespace ActorIpc.Hocon.Resolution;

/// <summary>Progress of one resolution step of a <see cref="ResolveSlot"/>.</summary>
internal enum SlotState : byte
{
    /// <summary>Not started.</summary>
    None,

    /// <summary>Being computed: meeting it again means a self-reference or a cycle.</summary>
    InProgress,

    /// <summary>Computed and memoized.</summary>
    Done,
}
