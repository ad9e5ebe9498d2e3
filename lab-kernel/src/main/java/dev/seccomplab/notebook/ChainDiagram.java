package dev.seccomplab.notebook;

/** The chain every lesson follows, as a picture: Pod spec, kubelet, runtime, kernel. */
final class ChainDiagram {

    private static final String[][] LINKS = {
            {"Pod spec", "names a profile", "seccompProfile: RuntimeDefault"},
            {"kubelet", "chooses it", "the container's, else the pod's,\nelse the node's default"},
            {"container runtime", "attaches it", "OCI spec linux.seccomp → runc"},
            {"kernel", "enforces it", "every system call, at the boundary"},
    };

    private ChainDiagram() {
    }

    static String svg() {
        int boxWidth = 190;
        int gap = 40;
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + (LINKS.length * (boxWidth + gap))
                + "\" height=\"140\" font-family=\"sans-serif\" font-size=\"13\">");
        svg.append("<defs><marker id=\"arrow\" markerWidth=\"10\" markerHeight=\"10\" refX=\"9\" refY=\"5\" orient=\"auto\">"
                + "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#57606a\"/></marker></defs>");
        for (int i = 0; i < LINKS.length; i++) {
            int x = i * (boxWidth + gap);
            svg.append("<rect x=\"").append(x).append("\" y=\"20\" width=\"").append(boxWidth)
                    .append("\" height=\"95\" rx=\"8\" fill=\"").append(i == LINKS.length - 1 ? "#ffebe9" : "#ddf4ff")
                    .append("\" stroke=\"#57606a\"/>");
            svg.append("<text x=\"").append(x + boxWidth / 2).append("\" y=\"45\" text-anchor=\"middle\" font-weight=\"bold\">")
                    .append(LINKS[i][0]).append("</text>");
            svg.append("<text x=\"").append(x + boxWidth / 2).append("\" y=\"65\" text-anchor=\"middle\">").append(LINKS[i][1]).append("</text>");
            String[] detail = LINKS[i][2].split("\n");
            for (int line = 0; line < detail.length; line++) {
                svg.append("<text x=\"").append(x + boxWidth / 2).append("\" y=\"").append(85 + 14 * line)
                        .append("\" text-anchor=\"middle\" fill=\"#57606a\" font-size=\"11\">")
                        .append(detail[line].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")).append("</text>");
            }
            if (i < LINKS.length - 1) {
                svg.append("<line x1=\"").append(x + boxWidth).append("\" y1=\"60\" x2=\"").append(x + boxWidth + gap - 4)
                        .append("\" y2=\"60\" stroke=\"#57606a\" stroke-width=\"2\" marker-end=\"url(#arrow)\"/>");
            }
        }
        return svg.append("</svg>").toString();
    }

    static String text() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < LINKS.length; i++) {
            text.append(LINKS[i][0]).append(" (").append(LINKS[i][1]).append(")").append(i < LINKS.length - 1 ? " -> " : "\n");
        }
        return text.toString();
    }
}
