namespace RetrievalService.Training.Loop;

/// <summary>Whether student inputs are augmented (<see cref="Data.Augmentation"/>).</summary>
public enum AugmentationMode
{
    /// <summary>Light augmentation of the anchors for tuple losses; none for regression and RKD, whose targets are the teacher's vectors of the very same unaugmented image.</summary>
    Auto,

    /// <summary>Never.</summary>
    None,

    /// <summary>Anchors (tuple losses) or images (regression, RKD) are cropped and flipped (<see cref="Data.Augmentation.Light"/>).</summary>
    Light,

    /// <summary>As <see cref="Light"/> with smaller crops and colour jitter (<see cref="Data.Augmentation.Strong"/>).</summary>
    Strong,
}

/// <summary>Which validation mAP selects the best epoch.</summary>
public enum SelectionMode
{
    /// <summary>Symmetric for the symmetric contrastive baseline (its student does not live in the teacher's space), asymmetric otherwise.</summary>
    Auto,

    /// <summary>Medium mAP of student queries against the teacher's gallery.</summary>
    Asymmetric,

    /// <summary>Medium mAP of student queries against the student's gallery.</summary>
    Symmetric,

    /// <summary>
    /// Mean cosine between the student's and the teacher's vector of each validation gallery image: how closely the
    /// student lands on the teacher's space on those photos, whatever their labels.
    /// </summary>
    Agreement,
}
