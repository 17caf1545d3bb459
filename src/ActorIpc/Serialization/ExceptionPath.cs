namespace ActorIpc.Serialization;

/// <summary>
/// The exceptions one write is inside of: an inner exception, or an exception held by a property
/// or a <see cref="Exception.Data"/> entry, is written as a nested record only while the nesting
/// stays within <see cref="ExceptionWriter.MaxDepth"/> and the exception is not one of its own
/// outer records (a property that leads back to its exception would otherwise nest forever).
/// </summary>
internal sealed class ExceptionPath
{
    private readonly HashSet<Exception> _open = new(ReferenceEqualityComparer.Instance);

    /// <summary>Whether <paramref name="exception"/> may be written as a nested record here.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>Whether it is neither too deep nor an outer record.</returns>
    public bool CanEnter(Exception exception) => _open.Count < ExceptionWriter.MaxDepth && !_open.Contains(exception);

    /// <summary>Marks <paramref name="exception"/> as being written, until <see cref="Leave"/>.</summary>
    /// <param name="exception">The exception.</param>
    public void Enter(Exception exception) => _open.Add(exception);

    /// <summary>Marks <paramref name="exception"/> as written.</summary>
    /// <param name="exception">The exception.</param>
    public void Leave(Exception exception) => _open.Remove(exception);
}
