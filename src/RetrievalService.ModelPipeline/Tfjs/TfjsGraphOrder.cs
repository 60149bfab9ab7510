namespace RetrievalService.ModelPipeline.Tfjs;

/// <summary>Topological order of the nodes an output depends on, and TF input-name normalisation.</summary>
public static class TfjsGraphOrder
{
    /// <summary>Every node <paramref name="output"/> depends on (itself included), producers before consumers.</summary>
    public static IReadOnlyList<TfjsNode> Ancestors(TfjsGraphModel model, string output)
    {
        var byName = model.Nodes.ToDictionary(n => n.Name, StringComparer.Ordinal);
        var order = new List<TfjsNode>();
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the stack, true: done
        Visit(output, byName, state, order);
        return order;
    }

    /// <summary>
    /// The producing node of a TF input reference: "name" and "name:0" are output 0; control inputs ("^name")
    /// carry no data and yield null; other outputs ("name:1") are unsupported by the single-output mapping.
    /// </summary>
    public static string? DataInput(string input)
    {
        if (input.StartsWith('^'))
        {
            return null;
        }
        var colon = input.LastIndexOf(':');
        if (colon < 0)
        {
            return input;
        }
        return input[(colon + 1)..] == "0"
            ? input[..colon]
            : throw new NotSupportedException($"Input '{input}' reads a secondary output, which the converter does not map.");
    }

    private static void Visit(string name, Dictionary<string, TfjsNode> byName, Dictionary<string, bool> state, List<TfjsNode> order)
    {
        if (state.TryGetValue(name, out var done))
        {
            if (!done)
            {
                throw new InvalidDataException($"The TFJS graph has a cycle through '{name}'.");
            }
            return;
        }
        if (!byName.TryGetValue(name, out var node))
        {
            throw new KeyNotFoundException($"The TFJS graph has no node '{name}'.");
        }
        state[name] = false;
        foreach (var input in node.Inputs.Select(DataInput).OfType<string>())
        {
            Visit(input, byName, state, order);
        }
        state[name] = true;
        order.Add(node);
    }
}
