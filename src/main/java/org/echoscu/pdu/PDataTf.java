package org.echoscu.pdu;

import java.util.List;

/** P-DATA-TF (PS3.8 §9.3.5): one or more presentation data values. */
public record PDataTf(List<Pdv> pdvs) implements Pdu {

    public PDataTf {
        pdvs = List.copyOf(pdvs);
    }

    @Override
    public int type() {
        return TYPE_P_DATA_TF;
    }
}
