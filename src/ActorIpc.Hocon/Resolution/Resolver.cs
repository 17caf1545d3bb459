namespace ActorIpc.Hocon.Resolution;

/// <summary>
/// Resolves substitutions against the root of the merged document. Work is lazy and memoized per
/// field, so a substitution resolves only the fields it reaches (the spec's <c>${bar.foo}</c> inside
/// <c>bar</c> case), resolved subtrees are shared rather than copied, and a field met again while it
/// is being resolved is either a self-reference (answered from the merge stack below it) or a cycle.
/// </summary>
internal sealed partial class Resolver
{
    private readonly HoconObject _root;
    private readonly bool _useEnvironment;
    private readonly Dictionary<HoconObject, ResolveFrame> _frames = new(ReferenceEqualityComparer.Instance);

    // The substitutions being resolved, innermost last, to report cycles as a chain.
    private readonly List<(HoconSubstitution Substitution, ResolveSlot? Slot)> _active = new();

    // Set when a lookup meets a field that is being resolved and has nothing below it.
    private ResolveSlot? _selfReferenceHit;

    // Fields being resolved whose value an optional substitution could not see because it closed
    // a cycle through them, innermost last. An undefined result computed while one of them is
    // still open is only undefined from inside that cycle, so it is not memoized (see Settle).
    private readonly List<ResolveSlot> _cycleCuts = new();

    private Resolver(HoconObject root, bool useEnvironment)
    {
        _root = root;
        _useEnvironment = useEnvironment;
    }

    public static HoconObject Resolve(HoconObject root, bool useEnvironment)
    {
        if (!root.NeedsResolution)
        {
            return root;
        }

        return new Resolver(root, useEnvironment).FullObject(root, null);
    }

    private ResolveFrame GetFrame(HoconObject obj, ResolveSlot? owner)
    {
        if (!_frames.TryGetValue(obj, out var frame))
        {
            frame = new ResolveFrame(obj, owner);
            _frames.Add(obj, frame);
        }

        return frame;
    }

    private HoconObject FullObject(HoconObject obj, ResolveSlot? owner)
    {
        if (!obj.NeedsResolution)
        {
            return obj;
        }

        var frame = GetFrame(obj, owner);
        var fields = new HoconObject(obj.Position, obj.Count);
        foreach (var pair in obj)
        {
            if (!pair.Value.NeedsResolution)
            {
                fields.Add(pair.Key, pair.Value);
                continue;
            }

            var value = Full(frame.GetSlot(pair.Key)!);
            if (value is not null)
            {
                fields.Add(pair.Key, value);
            }
        }

        return fields;
    }

    private HoconArray FullArray(HoconArray array, ResolveSlot? owner)
    {
        var items = new List<HoconValue>(array.Count);
        for (int i = 0; i < array.Count; i++)
        {
            var item = array[i];
            if (!item.NeedsResolution)
            {
                items.Add(item);
                continue;
            }

            var value = item.IsUnresolvedNode ? ResolveNode(item, owner) : item;
            value = FullValue(value, owner);
            if (value is not null)
            {
                items.Add(value);
            }
        }

        return new HoconArray(array.Position, items);
    }

    private HoconValue? FullValue(HoconValue? value, ResolveSlot? owner) => value switch
    {
        null => null,
        { NeedsResolution: false } => value,
        HoconObject obj => FullObject(obj, owner),
        HoconArray array => FullArray(array, owner),
        _ => FullValue(ResolveNode(value, owner), owner),
    };

    /// <summary>The field's value with everything inside it resolved.</summary>
    private HoconValue? Full(ResolveSlot slot)
    {
        switch (slot.FullState)
        {
            case SlotState.Done:
                return slot.FullValue;
            case SlotState.InProgress:
                throw CycleError(slot);
        }

        if (slot.ShallowState == SlotState.InProgress)
        {
            // Reached from inside its own definition: look back instead of forward.
            return FullValue(SelfReference(slot), slot);
        }

        int cuts = _cycleCuts.Count;
        var shallow = Shallow(slot);
        slot.FullState = SlotState.InProgress;
        var full = FullValue(shallow, slot);
        slot.FullValue = full;
        slot.FullState = Settle(slot, cuts, full);
        return full;
    }

    /// <summary>The field's own value with its substitutions, concatenation and merge stack settled.</summary>
    private HoconValue? Shallow(ResolveSlot slot)
    {
        if (slot.ShallowState == SlotState.Done)
        {
            return slot.ShallowValue;
        }

        if (slot.ShallowState == SlotState.InProgress)
        {
            return SelfReference(slot);
        }

        int cuts = _cycleCuts.Count;
        var source = slot.Source;
        HoconValue? value;
        if (!source.IsUnresolvedNode)
        {
            value = source;
        }
        else
        {
            slot.ShallowState = SlotState.InProgress;
            if (source is HoconMergeStack stack)
            {
                slot.Stack = stack;
                slot.Below = new (bool, HoconValue?)[stack.Layers.Count];
                value = Below(slot, 0);
            }
            else
            {
                value = ResolveNode(source, slot);
            }
        }

        slot.ShallowValue = value;
        slot.ShallowState = Settle(slot, cuts, value);
        return value;
    }

    /// <summary>
    /// The state a step of <paramref name="slot"/> ends in: done, unless it came out undefined only
    /// because an optional substitution closed a cycle through a field that is still being
    /// resolved. Then the step starts over when the field is reached again from outside that cycle,
    /// so in <c>a = ${?b}foo, b = ${?a}</c> the field b, undefined while a was being resolved,
    /// ends up as "foo" like the reference implementation's. Defined values are kept either way,
    /// as the reference keeps them.
    /// </summary>
    private SlotState Settle(ResolveSlot slot, int cutsBefore, HoconValue? value)
    {
        // The cycles closed through this field end with it.
        for (int i = _cycleCuts.Count - 1; i >= cutsBefore; i--)
        {
            if (_cycleCuts[i] == slot)
            {
                _cycleCuts.RemoveAt(i);
            }
        }

        return value is null && _cycleCuts.Count > cutsBefore ? SlotState.None : SlotState.Done;
    }

    /// <summary>What a field being defined looks like from inside its definition: the layers below the current one.</summary>
    private HoconValue? SelfReference(ResolveSlot slot)
    {
        if (slot.Stack is not null)
        {
            return Below(slot, slot.Layer + 1);
        }

        _selfReferenceHit = slot;
        return null;
    }

    /// <summary>The merge of stack layers <paramref name="index"/> and after, resolved top-down.</summary>
    private HoconValue? Below(ResolveSlot slot, int index)
    {
        var stack = slot.Stack!;
        if (index >= stack.Layers.Count)
        {
            return null;
        }

        var memo = slot.Below!;
        if (memo[index].Done)
        {
            return memo[index].Value;
        }

        int saved = slot.Layer;
        slot.Layer = index;
        var layer = stack.Layers[index];
        var top = layer.IsUnresolvedNode ? ResolveNode(layer, slot) : layer;
        HoconValue? result;
        if (top is null)
        {
            // An undefined optional substitution leaves the previous value in place.
            result = Below(slot, index + 1);
        }
        else if (top is HoconObject topObject)
        {
            result = Below(slot, index + 1) is HoconObject belowObject
                ? ValueMerger.MergeObjects(topObject, belowObject)
                : topObject;
        }
        else
        {
            // A non-object hides everything below it, which is then never evaluated.
            result = top;
        }

        slot.Layer = saved;
        memo[index] = (true, result);
        return result;
    }

    private HoconValue? ResolveNode(HoconValue node, ResolveSlot? owner) => node switch
    {
        HoconSubstitution substitution => ResolveSubstitution(substitution, owner),
        HoconConcatenation concatenation => ResolveConcatenation(concatenation, owner),
        HoconMergeStack => throw new InvalidOperationException("a merge stack outside a field"),
        _ => node,
    };

    private HoconValue? ResolveConcatenation(HoconConcatenation concatenation, ResolveSlot? owner)
    {
        var parts = new List<HoconValue>(concatenation.Pieces.Count);
        foreach (var piece in concatenation.Pieces)
        {
            var value = piece is HoconSubstitution substitution ? ResolveSubstitution(substitution, owner) : piece;
            if (value is not null)
            {
                parts.Add(value);
            }
        }

        return Concatenator.Join(parts, concatenation.Position, owner, static o => o?.Path, inPlace: false);
    }
}
