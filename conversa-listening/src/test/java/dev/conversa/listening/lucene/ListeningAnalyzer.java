package dev.conversa.listening.lucene;

import dev.conversa.listening.TokenCursor;
import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * A Lucene analyzer that tokenizes exactly like the listening matcher: it wraps {@link TokenCursor}, so terms,
 * positions (including the bare word of a hashtag/mention at the same position) and offsets are identical.
 */
public final class ListeningAnalyzer extends Analyzer {

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        return new TokenStreamComponents(new CursorTokenizer());
    }

    private static final class CursorTokenizer extends Tokenizer {
        private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
        private final PositionIncrementAttribute posIncAtt = addAttribute(PositionIncrementAttribute.class);
        private final TokenCursor cursor = new TokenCursor();
        private final StringBuilder text = new StringBuilder();
        private boolean pendingBareWord;
        private int lastPosition;

        @Override
        public void reset() throws IOException {
            super.reset();
            text.setLength(0);
            char[] buf = new char[1024];
            Reader in = input;
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                text.append(buf, 0, n);
            }
            cursor.reset(text.toString());
            pendingBareWord = false;
            lastPosition = -1;
        }

        @Override
        public boolean incrementToken() {
            clearAttributes();
            if (pendingBareWord) {
                pendingBareWord = false;
                termAtt.copyBuffer(cursor.termBuffer(), 1, cursor.termLength() - 1);
                offsetAtt.setOffset(correctOffset(cursor.start()), correctOffset(cursor.end()));
                posIncAtt.setPositionIncrement(0);
                return true;
            }
            if (!cursor.next()) {
                return false;
            }
            termAtt.copyBuffer(cursor.termBuffer(), 0, cursor.termLength());
            offsetAtt.setOffset(correctOffset(cursor.start()), correctOffset(cursor.end()));
            posIncAtt.setPositionIncrement(cursor.position() - lastPosition);
            lastPosition = cursor.position();
            pendingBareWord = cursor.hasBareWord();
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            int last = correctOffset(text.length());
            offsetAtt.setOffset(last, last);
        }
    }
}
